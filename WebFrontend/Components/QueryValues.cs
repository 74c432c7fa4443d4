using System.Globalization;
using Shop.Contracts;

namespace Shop.WebFrontend.Components;

/// <summary>Query-string values as links carry them, read as text: a page binding <c>int?</c> straight from the query
/// fails the whole request (500) for <c>?page=x</c>. A value that does not read is left out, and the page says so.</summary>
public static class QueryValues
{
    /// <summary>A whole number from 1 to <paramref name="max"/>; null for none or one that does not read.</summary>
    public static int? Positive(string? value, int max = int.MaxValue) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 && number <= max ? number : null;

    /// <summary>Present but left out as unreadable.</summary>
    public static bool IsIgnored(string? value, object? read) => !string.IsNullOrEmpty(value) && read is null;

    /// <summary>Search text the catalog accepts, or null.</summary>
    public static string? Text(string? value, int maxLength) =>
        BoundaryText.Problem("text", value, maxLength, required: false) is null ? value : null;
}
