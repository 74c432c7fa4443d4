namespace Shop.Hosting.Publishing.Bicep;

/// <summary>One .bicep file, assembled declaration by declaration and written in a fixed order (parameters,
/// variables, resources, modules, outputs) so the same model always gives the same text.</summary>
public sealed class BicepFile(string header, string? targetScope = null)
{
    private readonly HashSet<string> _symbols = [];
    private readonly HashSet<string> _outputNames = [];
    private readonly List<BicepParameter> _parameters = [];
    private readonly List<BicepVariable> _variables = [];
    private readonly List<BicepResource> _resources = [];
    private readonly List<BicepModule> _modules = [];
    private readonly List<BicepOutput> _outputs = [];

    public IReadOnlyList<BicepParameter> Parameters => _parameters;

    public IReadOnlyList<BicepModule> Modules => _modules;

    public bool Declares(string symbol) => _symbols.Contains(symbol);

    public BicepExpression Add(BicepParameter parameter) => Declare(parameter.Name, parameter, _parameters);

    public BicepExpression Add(BicepVariable variable) => Declare(variable.Name, variable, _variables);

    public BicepExpression Add(BicepResource resource) => Declare(resource.Symbol, resource, _resources);

    public BicepExpression Add(BicepModule module) => Declare(module.Symbol, module, _modules);

    public void Add(BicepOutput output)
    {
        if (!_outputNames.Add(output.Name))
        {
            throw new InvalidOperationException($"Output '{output.Name}' is declared twice.");
        }

        _outputs.Add(output);
    }

    public string ToText()
    {
        var writer = new BicepWriter();
        writer.Line($"// {header}");
        if (targetScope is not null)
        {
            writer.NewLine();
            writer.Line($"targetScope = '{targetScope}'");
        }

        // Secure parameters last: they are the ones azd generates rather than reads from main.parameters.json.
        BicepParameter? previous = null;
        foreach (var parameter in _parameters.Where(p => !p.Secure).Concat(_parameters.Where(p => p.Secure)))
        {
            // Plain parameters stay together; one with decorators stands apart.
            if (previous is null || IsDecorated(previous) || IsDecorated(parameter))
            {
                writer.NewLine();
            }

            WriteParameter(writer, parameter);
            previous = parameter;
        }

        foreach (var variable in _variables)
        {
            writer.NewLine();
            WriteComment(writer, variable.Comment);
            writer.Write($"var {variable.Name} = ");
            variable.Value.WriteTo(writer);
            writer.NewLine();
        }

        foreach (var resource in _resources)
        {
            writer.NewLine();
            WriteResource(writer, resource);
        }

        foreach (var module in _modules)
        {
            writer.NewLine();
            WriteComment(writer, module.Comment);
            writer.Write($"module {module.Symbol} '{module.Path}' = ");
            module.Body.WriteTo(writer);
            writer.NewLine();
        }

        if (_outputs.Count > 0)
        {
            writer.NewLine();
        }

        foreach (var output in _outputs)
        {
            writer.Write($"output {output.Name} {output.Type} = ");
            output.Value.WriteTo(writer);
            writer.NewLine();
        }

        return writer.ToString();
    }

    private BicepExpression Declare<T>(string symbol, T declaration, List<T> list)
    {
        if (!_symbols.Add(symbol))
        {
            throw new InvalidOperationException($"Bicep symbol '{symbol}' is declared twice: two resources or parameters of the model map to the same name.");
        }

        list.Add(declaration);
        return new BicepExpression(symbol);
    }

    private static bool IsDecorated(BicepParameter parameter) =>
        parameter.Description is not null || parameter.Secure || parameter.Metadata is not null || parameter.Decorators.Count > 0;

    private static void WriteParameter(BicepWriter writer, BicepParameter parameter)
    {
        if (parameter.Description is not null)
        {
            writer.Line($"@description('{BicepValue.Escape(parameter.Description)}')");
        }

        if (parameter.Secure)
        {
            writer.Line("@secure()");
        }

        if (parameter.Metadata is not null)
        {
            writer.Write("@metadata(");
            parameter.Metadata.WriteTo(writer);
            writer.Line(")");
        }

        foreach (var decorator in parameter.Decorators)
        {
            writer.Line(decorator);
        }

        writer.Write($"param {parameter.Name} {parameter.Type}");
        if (parameter.Default is not null)
        {
            writer.Write(" = ");
            parameter.Default.WriteTo(writer);
        }

        writer.NewLine();
    }

    private static void WriteResource(BicepWriter writer, BicepResource resource)
    {
        WriteComment(writer, resource.Comment);
        if (resource.BatchSize is { } batchSize)
        {
            writer.Line($"@batchSize({batchSize})");
        }

        writer.Write($"resource {resource.Symbol} '{resource.Type}' {(resource.Existing ? "existing " : "")}= ");
        if (resource.Condition is not null)
        {
            writer.Write($"if ({resource.Condition}) ");
        }

        if (resource.Loop is not null)
        {
            writer.Write($"[for {resource.Loop}: ");
        }

        resource.Body.WriteTo(writer);
        if (resource.Loop is not null)
        {
            writer.Write("]");
        }

        writer.NewLine();
    }

    private static void WriteComment(BicepWriter writer, string? comment)
    {
        if (comment is not null)
        {
            writer.Line($"// {comment}");
        }
    }
}
