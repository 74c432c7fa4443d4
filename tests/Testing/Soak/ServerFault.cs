namespace Shop.Testing.Soak;

/// <summary>A fault of a backing server during the soak: a restart through the app host's Restart command (for a local
/// server, its process: same port, same data) or, given a pause, its process frozen with SIGSTOP for that long and then
/// thawed, like a hung host that keeps its connections open and answers nothing.</summary>
public sealed record ServerFault(string Server, TimeSpan? Pause = null)
{
    public static ServerFault Restart(string server) => new(server);

    public static ServerFault Freeze(string server, TimeSpan pause) => new(server, pause);

    public override string ToString() => Pause is { } pause ? $"{Server} paused {pause.TotalSeconds:0} s" : $"{Server} restart";
}
