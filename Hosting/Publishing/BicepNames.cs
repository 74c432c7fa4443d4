using System.Text;

namespace Shop.Hosting.Publishing;

/// <summary>Turns model names (resource names, environment variables) into the names Bicep, Container Apps and
/// azd accept.</summary>
internal static class BicepNames
{
    private static readonly char[] _separators = ['-', '_', '.'];

    /// <summary>A Bicep symbol: <c>catalog-api</c> → <c>catalogApi</c>, <c>ConnectionStrings__catalogdb</c> →
    /// <c>connectionStringsCatalogdb</c>.</summary>
    public static string Symbol(string name)
    {
        var parts = name.Split(_separators, StringSplitOptions.RemoveEmptyEntries);
        var symbol = new StringBuilder();
        foreach (var part in parts)
        {
            symbol.Append(symbol.Length == 0 ? char.ToLowerInvariant(part[0]) : char.ToUpperInvariant(part[0]));
            symbol.Append(part, 1, part.Length - 1);
        }

        return symbol.ToString();
    }

    /// <summary>A container-app secret name (lower-case letters, digits and '-'): <c>ConnectionStrings__catalogdb</c>
    /// → <c>connectionstrings-catalogdb</c>.</summary>
    public static string SecretName(string name) =>
        string.Join('-', name.ToLowerInvariant().Split(_separators, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The way azd spells a service in environment variable names: <c>catalog-api</c> → <c>CATALOG_API</c>.</summary>
    public static string EnvironmentVariable(string name) =>
        string.Join('_', name.ToUpperInvariant().Split(_separators, StringSplitOptions.RemoveEmptyEntries));
}
