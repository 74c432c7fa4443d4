namespace Shop.Hosting.Publishing.Bicep;

/// <summary>A <c>param</c>. Decorators beyond description and secure are written as given (<c>@minLength(1)</c>).</summary>
public sealed record BicepParameter(string Name, string Type)
{
    public string? Description { get; init; }

    public bool Secure { get; init; }

    public BicepValue? Default { get; init; }

    /// <summary>Written as <c>@metadata(…)</c>: read by tools such as azd, ignored by ARM.</summary>
    public BicepObject? Metadata { get; init; }

    public IReadOnlyList<string> Decorators { get; init; } = [];
}

/// <summary>A <c>var</c>.</summary>
public sealed record BicepVariable(string Name, BicepValue Value)
{
    public string? Comment { get; init; }
}

/// <summary>A <c>resource</c>, optionally <c>existing</c> or declared once per item of a loop.</summary>
public sealed record BicepResource(string Symbol, string Type, BicepObject Body)
{
    public string? Comment { get; init; }

    public bool Existing { get; init; }

    /// <summary><c>if (condition)</c>: the resource is deployed, or read when <see cref="Existing"/>, only when it holds.</summary>
    public string? Condition { get; init; }

    /// <summary><c>item in items</c>: the resource is declared once per item.</summary>
    public string? Loop { get; init; }

    /// <summary>How many items of the loop deploy at once.</summary>
    public int? BatchSize { get; init; }
}

/// <summary>A <c>module</c> call of another file of the same folder.</summary>
public sealed record BicepModule(string Symbol, string Path, BicepObject Body)
{
    public string? Comment { get; init; }
}

/// <summary>An <c>output</c>.</summary>
public sealed record BicepOutput(string Name, string Type, BicepValue Value);
