using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Orchestration;

namespace Shop.Hosting.Postgres;

/// <summary>Runs PostgreSQL from the machine's own binaries: initdb on first start, then postgres on loopback,
/// as an unprivileged user when the AppHost runs as root (PostgreSQL refuses root).</summary>
internal sealed class PostgresLocalRunner(ResourceRunContext context, PostgresServerResource server, string initdb, string postgres) : LocalServerRunner
{
    private readonly string _dataDirectory = Path.Combine(context.Directory, "data");
    private readonly string _socketDirectory = Path.Combine(context.Directory, "run");
    private readonly string? _runAs = LocalPrograms.IsRoot ? UnprivilegedUser.Pick("postgres") : null;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_socketDirectory);
        if (_runAs is not null)
        {
            UnprivilegedUser.GrantAccess(_runAs, context.Directory, context.Log);
        }

        if (!File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")))
        {
            await InitializeAsync(cancellationToken);
        }

        var port = server.Endpoint.AllocatedPort!.Value;
        Server = await context.StartProcessAsync(new ChildProcessSpec(postgres,
        [
            "-D", _dataDirectory,
            "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1",
            "-c", $"unix_socket_directories={_socketDirectory}",
            "-c", "max_connections=300",
        ])
        {
            RunAsUser = _runAs,
            // SIGQUIT is PostgreSQL's immediate shutdown: the postmaster takes its backends down with it.
            ParentDeathSignal = PosixSignalNumber.Quit,
        });

        await ServerReadiness.WaitUntilAsync(IsHealthyAsync, Server, TimeSpan.FromSeconds(60), cancellationToken);
        await PostgresRunners.CreateDatabasesAsync(server, cancellationToken);
    }

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => PostgresRunners.IsHealthyAsync(server, cancellationToken);

    /// <summary>SIGINT is the fast shutdown: open transactions roll back, committed data is on disk.</summary>
    protected override PosixSignalNumber StopSignal => PosixSignalNumber.Interrupt;

    private async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(_dataDirectory))
        {
            // A first start that died half-way leaves a folder initdb refuses to reuse.
            Directory.Delete(_dataDirectory, recursive: true);
        }

        var passwordFile = Path.Combine(context.Directory, "initdb.pw");
        await PrivateFile.WriteAsync(passwordFile, server.Password.Value, cancellationToken);
        if (_runAs is not null)
        {
            UnprivilegedUser.GiveOwnership(_runAs, passwordFile);
            UnprivilegedUser.GiveOwnership(_runAs, context.Directory);
        }

        try
        {
            context.Log("Initializing a new database cluster (first start in this state folder)…");
            using var process = await context.StartProcessAsync(new ChildProcessSpec(initdb,
            [
                "-D", _dataDirectory,
                "-U", PostgresServerResource.UserName,
                $"--pwfile={passwordFile}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ])
            { RunAsUser = _runAs });
            var code = await process.WaitForExitAsync(cancellationToken);
            if (code != 0)
            {
                throw new InvalidOperationException($"initdb exited with code {code} (see the log above)");
            }
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }
}
