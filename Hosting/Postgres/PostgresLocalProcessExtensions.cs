using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shop.Hosting.LocalServers;

namespace Shop.Hosting.Postgres;

public static class PostgresLocalProcessExtensions
{
    private const string DebianBinaries = "/usr/lib/postgresql/*/bin";

    /// <summary>Where no container runtime answers, runs PostgreSQL from the machine's packages instead of the
    /// container: a cluster made by initdb on first start (scram-sha-256, the resource's user and password), then
    /// postgres on loopback; as an unprivileged user when the app host runs as root, because PostgreSQL refuses root.
    /// Aspire creates the databases once the server is healthy, as it does for the container.</summary>
    public static IResourceBuilder<PostgresServerResource> RunAsLocalProcessWithoutContainerRuntime(this IResourceBuilder<PostgresServerResource> postgres)
    {
        if (!postgres.RunsLocally())
        {
            return postgres;
        }

        var initdb = PrerequisiteMissingException.Find("PostgreSQL", "postgresql", "initdb", DebianBinaries);
        var server = PrerequisiteMissingException.Find("PostgreSQL", "postgresql", "postgres", DebianBinaries);
        var runAs = LocalPrograms.IsRoot ? UnprivilegedUser.Pick("postgres") : null;

        // setpriv execs the server, so DCP's stop signal reaches postgres itself.
        var process = postgres.AddLocalServerProcess(runAs is null ? server : "setpriv");
        var folder = process.Resource.DataDirectory;
        var data = Path.Combine(folder, "data");
        var sockets = Path.Combine(folder, "run");
        process.WithArgs(async context =>
        {
            if (runAs is not null)
            {
                context.Args.Add($"--reuid={runAs}");
                context.Args.Add($"--regid={runAs}");
                context.Args.Add("--init-groups");
                context.Args.Add(server);
            }

            context.Args.Add("-D");
            context.Args.Add(data);
            context.Args.Add("-p");
            context.Args.Add(await postgres.Resource.Port.GetValueAsync(context.CancellationToken) ?? "");
            context.Args.Add("-c");
            context.Args.Add("listen_addresses=127.0.0.1");
            context.Args.Add("-c");
            context.Args.Add($"unix_socket_directories={sockets}");
            context.Args.Add("-c");
            context.Args.Add("max_connections=300");
        });

        process.OnBeforeResourceStarted(async (resource, started, cancellationToken) =>
        {
            Directory.CreateDirectory(sockets);
            if (runAs is not null)
            {
                UnprivilegedUser.GrantAccess(runAs, folder, started.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource));
            }

            if (!File.Exists(Path.Combine(data, "PG_VERSION")))
            {
                await InitializeClusterAsync(postgres.Resource, initdb, folder, data, runAs, started.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource), cancellationToken);
            }
        });
        return postgres;
    }

    private static async Task InitializeClusterAsync(
        PostgresServerResource postgres, string initdb, string folder, string data, string? runAs, ILogger log, CancellationToken cancellationToken)
    {
        if (Directory.Exists(data))
        {
            // A first start that died half-way leaves a folder initdb refuses to reuse.
            Directory.Delete(data, recursive: true);
        }

        var passwordFile = Path.Combine(folder, "initdb.pw");
        await PrivateFile.WriteAsync(passwordFile, await postgres.PasswordParameter.GetValueAsync(cancellationToken) ?? "", cancellationToken);
        if (runAs is not null)
        {
            UnprivilegedUser.GiveOwnership(runAs, folder);
        }

        try
        {
            log.LogInformation("Initializing a new database cluster in {Folder} (first start)", data);
            string[] arguments =
            [
                "-D", data,
                "-U", await postgres.UserNameReference.GetValueAsync(cancellationToken) ?? "postgres",
                $"--pwfile={passwordFile}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ];
            var start = runAs is null
                ? new ProcessStartInfo(initdb, arguments)
                : new ProcessStartInfo("setpriv", [$"--reuid={runAs}", $"--regid={runAs}", "--init-groups", initdb, .. arguments]);
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            using var process = Process.Start(start) ?? throw new InvalidOperationException("initdb could not be started.");
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"initdb exited with code {process.ExitCode}: {await errors}{await output}");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }
}
