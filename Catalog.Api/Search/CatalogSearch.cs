using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using Shop.Catalog.Api.Infrastructure.EntityConfigurations;
using Shop.Catalog.Api.Model;
using Shop.Contracts;

namespace Shop.Catalog.Api.Search;

/// <summary>A shopper's search, as words. A product matches when every word is in its name or description (whole, as a
/// prefix, or stemmed: PostgreSQL full-text search), resembles a word of its name (pg_trgm: small typos), or is a stop
/// word ("for", "the"). Relevance is the full-text rank, where the name weighs more, plus the name's trigram similarity.</summary>
public sealed partial class CatalogSearch
{
    public const int MaxLength = Limits.SearchLength;
    public const int MaxWords = 8;

    // The configuration the search_vector column is built with.
    private const string TextSearchConfig = "english";

    private CatalogSearch(IReadOnlyList<string> words) => Words = words;

    public IReadOnlyList<string> Words { get; }

    private string Phrase => string.Join(' ', Words);

    /// <summary>Any word, by prefix: for the rank and for a search made only of stop words.</summary>
    private string AnyWordQuery => string.Join(" | ", Words.Select(word => word + ":*"));

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

        search = new CatalogSearch(words);
        return true;
    }

    public IQueryable<Product> Filter(IQueryable<Product> products)
    {
        foreach (var word in Words)
        {
            var prefix = word + ":*";
            products = products.Where(product =>
                EF.Property<NpgsqlTsVector>(product, ProductEntityTypeConfiguration.SearchVector).Matches(EF.Functions.ToTsQuery(TextSearchConfig, prefix))
                || CatalogSearchFunctions.Resembles(word, product.Name)
                || EF.Functions.ToTsQuery(TextSearchConfig, word).GetNodeCount() == 0);
        }

        var anyWord = AnyWordQuery;
        var phrase = Phrase;
        return products.Where(product =>
            EF.Property<NpgsqlTsVector>(product, ProductEntityTypeConfiguration.SearchVector).Matches(EF.Functions.ToTsQuery(TextSearchConfig, anyWord))
            || CatalogSearchFunctions.Resembles(phrase, product.Name));
    }

    public IOrderedQueryable<Product> OrderByRelevance(IQueryable<Product> products)
    {
        var anyWord = AnyWordQuery;
        var phrase = Phrase;
        return products.OrderByDescending(product =>
            EF.Property<NpgsqlTsVector>(product, ProductEntityTypeConfiguration.SearchVector).Rank(EF.Functions.ToTsQuery(TextSearchConfig, anyWord))
            + CatalogSearchFunctions.WordSimilarity(phrase, product.Name));
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
