namespace Shop.Testing.Soak;

/// <summary>The soak's printed figures and the invariants it found broken; it passed when none was.</summary>
public sealed class SoakResult
{
    private readonly List<(string Name, string Value)> _figures = [];
    private readonly List<string> _broken = [];

    public IReadOnlyList<(string Name, string Value)> Figures => _figures;

    public IReadOnlyList<string> Broken => _broken;

    public bool Passed => _broken.Count == 0;

    public void Add(string name, object value) => _figures.Add((name, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!));

    /// <summary>Records the invariant as broken when <paramref name="holds"/> is false.</summary>
    public void Check(bool holds, string invariant)
    {
        if (!holds)
        {
            _broken.Add(invariant);
        }
    }

    public void Print(TextWriter output)
    {
        var width = _figures.Max(f => f.Name.Length);
        foreach (var (name, value) in _figures)
        {
            output.WriteLine($"  {name.PadRight(width)}  {value}");
        }

        output.WriteLine(Passed ? "All invariants held." : $"{_broken.Count} invariant(s) broken:");
        foreach (var broken in _broken)
        {
            output.WriteLine($"  BROKEN: {broken}");
        }
    }

    public override string ToString()
    {
        using var text = new StringWriter();
        Print(text);
        return text.ToString();
    }
}
