namespace Shop.Basket.Api.Redis;

/// <summary>A command and its arguments, sent as a RESP array of bulk strings (text is encoded as UTF-8).</summary>
public sealed class RedisCommand(string name, params string[] arguments)
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Arguments { get; } = arguments;

    /// <summary>The command name only: arguments may hold secrets (AUTH) or personal data.</summary>
    public override string ToString() => Name;
}
