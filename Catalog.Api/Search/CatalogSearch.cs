using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Shop.Contracts;

namespace Shop.Catalog.Api.Search;

/// <summary>A shopper's search, as words: lower case, letters and digits only, each once. <see cref="SearchVocabulary"/>
/// turns it into the <see cref="SearchTerms"/> a listing filters and ranks by.</summary>
public sealed partial class CatalogSearch
{
    public const int MaxLength = Limits.SearchLength;
    public const int MaxWords = 8;

    private CatalogSearch(IReadOnlyList<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    public string Phrase => string.Join(' ', Words);

    /// <summary>No search for a blank query; an error for one too long or without a letter or digit.</summary>
    public static bool TryParse(string? query, out CatalogSearch? search, [NotNullWhen(false)] out string? error)
    {
        search = null;
        error = null;
        if (string.IsNullOrWhiteSpace(query))
        {
            return true;
        }

        if (BoundaryText.Problem("q", query, MaxLength) is { } problem)
        {
            error = problem;
            return false;
        }

        var words = Word().Matches(query.ToLowerInvariant())
            .Select(match => match.Value)
            .Distinct()
            .Take(MaxWords)
            .ToList();
        if (words.Count == 0)
        {
            error = "q must contain a letter or a digit.";
            return false;
        }

        search = new CatalogSearch(words);
        return true;
    }

    /// <summary>The last word is the one the shopper may still be typing.</summary>
    public bool IsLast(int index) => index == Words.Count - 1;

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
