namespace Shop.Hosting;

/// <summary>How this run of the model behaves: where state lives, which ports, what is shown.</summary>
public sealed class DistributedApplicationOptions
{
    public string[] Args { get; init; } = [];

    /// <summary>Data and generated credentials of every resource live here and survive restarts.</summary>
    public string StateDirectory { get; set; } = Orchestration.StateFolder.DefaultPath;

    /// <summary>Give every endpoint a free port instead of its declared one (tests run side by side).</summary>
    public bool RandomizePorts { get; set; }

    public bool OpenBrowser { get; set; } = true;

    /// <summary>Echo every resource's console output, prefixed with its name.</summary>
    public bool EchoResourceLogs { get; set; } = true;

    /// <summary>The ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT the service projects run in.</summary>
    public string EnvironmentName { get; set; } = "Development";

    /// <summary>Force local server processes even where a container engine answers.</summary>
    public bool DisableContainers { get; set; }

    /// <summary>Time a resource gets to stop on Ctrl+C before it is killed.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>The dashboard and its OTLP receiver (on unless --no-dashboard; off in tests unless a test turns it on).</summary>
    public Dashboard.DashboardOptions Dashboard { get; init; } = new();

    /// <summary>Write the azd project (azure.yaml, infra/) instead of running anything: the <c>publish</c> verb.</summary>
    public bool Publish { get; set; }

    /// <summary>Where <c>publish</c> writes; null: the application root, beside the app host project.</summary>
    public string? PublishOutputDirectory { get; set; }

    /// <summary>Parses the AppHost's own command line: --no-browser, --no-dashboard, --state-dir DIR, --random-ports,
    /// and <c>publish [--output DIR]</c>.</summary>
    public static DistributedApplicationOptions FromArgs(string[] args)
    {
        var options = new DistributedApplicationOptions { Args = args };
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--no-browser":
                    options.OpenBrowser = false;
                    break;
                case "--no-dashboard":
                    options.Dashboard.Enabled = false;
                    break;
                case "--random-ports":
                    options.RandomizePorts = true;
                    break;
                case "--state-dir" when i + 1 < args.Length:
                    options.StateDirectory = args[++i];
                    break;
                case "--state-dir":
                    throw new ArgumentException("--state-dir needs a folder: --state-dir DIR");
                case "publish":
                    options.Publish = true;
                    break;
                case "--output" or "-o" when i + 1 < args.Length:
                    options.PublishOutputDirectory = args[++i];
                    break;
                case "--output" or "-o":
                    throw new ArgumentException("--output needs a folder: publish --output DIR");
                default:
                    if (args[i].StartsWith("--state-dir=", StringComparison.Ordinal))
                    {
                        options.StateDirectory = args[i]["--state-dir=".Length..];
                    }

                    break;
            }
        }

        if (Environment.GetEnvironmentVariable("SHOP_CONTAINER_RUNTIME") is "none")
        {
            options.DisableContainers = true;
        }

        return options;
    }
}
