namespace Shop.Publishing.Tests;

/// <summary>A value of a parsed Bicep file: an object, an array, a loop, or a scalar kept as its source text.</summary>
public abstract record BicepNode
{
    public BicepNode this[string key] => ((BicepObjectNode)this).Get(key);

    public string Text => ((BicepScalarNode)this).Source;

    /// <summary>The content of a plain string literal (<c>'abc'</c> → <c>abc</c>).</summary>
    public string Literal => Text.StartsWith('\'') && Text.EndsWith('\'') && !Text.Contains("${", StringComparison.Ordinal)
        ? Text[1..^1].Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal)
        : throw new InvalidOperationException($"Not a plain string: {Text}");

    public IReadOnlyList<BicepNode> Items => ((BicepArrayNode)this).Values;

    /// <summary>The source of every scalar within, joined: what a search for a symbol should look through.</summary>
    public string AllText => this switch
    {
        BicepScalarNode scalar => scalar.Source,
        BicepObjectNode o => string.Join('\n', o.Properties.Select(p => p.Value.AllText)),
        BicepArrayNode a => string.Join('\n', a.Values.Select(v => v.AllText)),
        BicepLoopNode loop => loop.Body.AllText,
        _ => "",
    };
}

public sealed record BicepObjectNode(IReadOnlyList<KeyValuePair<string, BicepNode>> Properties) : BicepNode
{
    public bool Has(string key) => Properties.Any(p => p.Key == key);

    public BicepNode Get(string key) =>
        Properties.FirstOrDefault(p => p.Key == key).Value ?? throw new KeyNotFoundException($"No property '{key}' among {string.Join(", ", Properties.Select(p => p.Key))}.");
}

public sealed record BicepArrayNode(IReadOnlyList<BicepNode> Values) : BicepNode;

/// <summary><c>[for item in items: {…}]</c>.</summary>
public sealed record BicepLoopNode(string Header, BicepNode Body) : BicepNode;

public sealed record BicepScalarNode(string Source) : BicepNode;

/// <summary>A top-level declaration: <c>param</c>, <c>var</c>, <c>resource</c>, <c>module</c>, <c>output</c> or <c>targetScope</c>.</summary>
public sealed record BicepDeclaration(string Keyword, string Name, string? TypeOrPath, bool Existing, IReadOnlyList<string> Decorators, BicepNode? Value)
{
    public bool IsSecure => Decorators.Contains("@secure()");
}
