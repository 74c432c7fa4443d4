using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Shop.Catalog.Api.Infrastructure.EntityConfigurations;
using Shop.Catalog.Api.Model;
using Shop.Contracts;

namespace Shop.Catalog.Api.Search;

/// <summary>A shopper's search, as words. A product matches when every word is in its name or description (PostgreSQL
/// full-text search: whole or stemmed, and the last word also as a prefix, as the shopper types), or a word of the
/// catalog that the word may be a misspelling of is (<see cref="SearchVocabulary"/>), or the word is a stop word ("for",
/// "the"). Products matching every word as typed come first; then relevance: the full-text rank, where the name weighs
/// more and words as typed count twice, plus the name's trigram similarity to the search.</summary>
public sealed partial class CatalogSearch
{
    public const int MaxLength = Limits.SearchLength;
    public const int MaxWords = 8;

    // The configuration the search_vector column is built with.
    private const string TextSearchConfig = "english";

    private readonly IReadOnlyList<IReadOnlyList<string>> _meant;

    private CatalogSearch(IReadOnlyList<string> words, IReadOnlyList<IReadOnlyList<string>> meant)
    {
        Words = words;
        _meant = meant;
    }

    public IReadOnlyList<string> Words { get; }

    private string Phrase => string.Join(' ', Words);

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

        // Letters and digits only, so no word can carry tsquery syntax.
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

        search = new CatalogSearch(words, [.. words.Select(_ => Array.Empty<string>())]);
        return true;
    }

    /// <summary>The last word is the one the shopper may still be typing.</summary>
    public bool IsLast(int index) => index == Words.Count - 1;

    /// <summary>The same words, each also meaning the catalog words in <paramref name="meant"/> at its index: the words
    /// of the catalog's vocabulary it may be a misspelling of (letters and digits only, as the words are).</summary>
    public CatalogSearch Meaning(IReadOnlyList<IReadOnlyList<string>> meant) => new(Words, meant);

    public IQueryable<Product> Filter(IQueryable<Product> products)
    {
        for (var index = 0; index < Words.Count; index++)
        {
            var word = Words[index];
            var anyMeaning = AnyMeaning(index);
            products = products.Where(product =>
                EF.Property<NpgsqlTsVector>(product, ProductEntityTypeConfiguration.SearchVector).Matches(EF.Functions.ToTsQuery(TextSearchConfig, anyMeaning))
                || EF.Functions.ToTsQuery(TextSearchConfig, word).GetNodeCount() == 0);
        }

        // A search of stop words only matches nothing, rather than everything.
        var anyWord = AnyWord(AnyMeaning);
        return products.Where(product =>
            EF.Property<NpgsqlTsVector>(product, ProductEntityTypeConfiguration.SearchVector).Matches(EF.Functions.ToTsQuery(TextSearchConfig, anyWord)));
    }

    public IOrderedQueryable<Product> OrderByRelevance(IQueryable<Product> products)
    {
        var everyWordAsTyped = string.Join(" & ", Words.Select((_, index) => AsTyped(index)));
        var anyWordAsTyped = AnyWord(AsTyped);
        var anyMeaning = AnyWord(AnyMeaning);
        var phrase = Phrase;
        return products
            .OrderByDescending(product =>
                EF.Property<NpgsqlTsVector>(product, ProductEntityTypeConfiguration.SearchVector).Matches(EF.Functions.ToTsQuery(TextSearchConfig, everyWordAsTyped)))
            .ThenByDescending(product =>
                EF.Property<NpgsqlTsVector>(product, ProductEntityTypeConfiguration.SearchVector).Rank(EF.Functions.ToTsQuery(TextSearchConfig, anyWordAsTyped))
                + EF.Property<NpgsqlTsVector>(product, ProductEntityTypeConfiguration.SearchVector).Rank(EF.Functions.ToTsQuery(TextSearchConfig, anyMeaning))
                + CatalogSearchFunctions.WordSimilarity(phrase, product.Name));
    }

    /// <summary>The word as a tsquery term: the last one also as a prefix.</summary>
    private string AsTyped(int index) => IsLast(index) ? Words[index] + ":*" : Words[index];

    /// <summary>The word as typed, or any catalog word it may be a misspelling of.</summary>
    private string AnyMeaning(int index) => string.Join(" | ", _meant[index].Prepend(AsTyped(index)));

    private string AnyWord(Func<int, string> term) => string.Join(" | ", Words.Select((_, index) => $"({term(index)})"));

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
