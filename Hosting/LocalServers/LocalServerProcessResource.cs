using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.LocalServers;

/// <summary>The program that serves a backing server (PostgreSQL, Redis, RabbitMQ) when no container runtime
/// answers: an executable that DCP runs, restarts and stops like any other, shown under the server it serves (a
/// relationship, not a parent: a process of the server may wait for another one).</summary>
public sealed class LocalServerProcessResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory)
{

    /// <summary>The folder this process keeps its data, configuration and secrets in (mode 700).</summary>
    public string DataDirectory => WorkingDirectory;
}
