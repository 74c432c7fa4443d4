using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>Ordering.Worker in-process, with the given settings. Its warnings and errors are kept, for a failing test
/// to show what the worker went through.</summary>
public sealed class OrderingWorkerFactory(WorkerSettings settings) : WebApplicationFactory<Program>
{
    private readonly WarningLog _warnings = new();

    /// <summary>The last warnings and errors it logged, newest last.</summary>
    public string Output => _warnings.ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        WorkerSettings.Apply(builder, settings.ToEnvironment());

        builder.ConfigureLogging(logging => logging.AddProvider(_warnings));
    }
}
