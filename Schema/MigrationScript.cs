using System.Globalization;

namespace Shop.Schema;

/// <summary>One embedded <c>Migrations/&lt;database&gt;/NNNN_name.sql</c> file: applied once, in version order, never
/// edited afterwards.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    private static readonly System.Reflection.Assembly _assembly = typeof(MigrationScript).Assembly;

    /// <summary>Every migration of the database in version order; at least one, or the build lost them.</summary>
    public static IReadOnlyList<MigrationScript> LoadAll(string database)
    {
        var scripts = ResourceNames(database)
            .Select(name => Load(database, name))
            .OrderBy(script => script.Version)
            .ToList();

        var duplicate = scripts.GroupBy(script => script.Version).FirstOrDefault(group => group.Count() > 1);
        return duplicate is null
            ? scripts
            : throw new InvalidOperationException($"Migrations {string.Join(" and ", duplicate.Select(s => s.Name))} of {database} share version {duplicate.Key}.");
    }

    /// <summary>The version a database must have for this build: read from the scripts' names, not their text.</summary>
    public static int LatestVersion(string database) => ResourceNames(database).Max(name => ParseVersion(Path.GetFileNameWithoutExtension(name)));

    private static List<string> ResourceNames(string database)
    {
        var prefix = $"Migrations/{database}/";
        var names = _assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .ToList();
        return names.Count > 0 ? names : throw new InvalidOperationException($"No migrations are embedded for the database '{database}'.");
    }

    private static MigrationScript Load(string database, string resourceName)
    {
        var name = Path.GetFileNameWithoutExtension(resourceName);
        using var stream = _assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new MigrationScript(ParseVersion(name), $"{database}/{name}", reader.ReadToEnd());
    }

    private static int ParseVersion(string name)
    {
        var digits = name.Split('_', 2)[0];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0
            ? version
            : throw new InvalidOperationException($"Migration '{name}' must be named NNNN_description.sql with NNNN > 0.");
    }
}
