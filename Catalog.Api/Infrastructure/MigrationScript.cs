using System.Globalization;
using System.Reflection;

namespace Shop.Catalog.Api.Infrastructure;

/// <summary>One embedded <c>Migrations/NNNN_name.sql</c> file: applied once, in version order, never edited afterwards.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    private const string Prefix = "Migrations/";

    /// <summary>Every embedded migration in version order; at least one, or the build lost them.</summary>
    public static IReadOnlyList<MigrationScript> LoadAll(Assembly assembly)
    {
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name))
            .OrderBy(script => script.Version)
            .ToList();

        if (scripts.Count == 0)
        {
            throw new InvalidOperationException($"{assembly.GetName().Name} embeds no {Prefix}*.sql resources.");
        }

        var duplicate = scripts.GroupBy(script => script.Version).FirstOrDefault(group => group.Count() > 1);
        return duplicate is null
            ? scripts
            : throw new InvalidOperationException($"Migrations {string.Join(" and ", duplicate.Select(s => s.Name))} share version {duplicate.Key}.");
    }

    private static MigrationScript Load(Assembly assembly, string resourceName)
    {
        var name = Path.GetFileNameWithoutExtension(resourceName[Prefix.Length..]);
        var digits = name.Split('_', 2)[0];
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version <= 0)
        {
            throw new InvalidOperationException($"Migration '{name}' must be named NNNN_description.sql with NNNN > 0.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new MigrationScript(version, name, reader.ReadToEnd());
    }
}
