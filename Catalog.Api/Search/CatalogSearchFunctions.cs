using Microsoft.EntityFrameworkCore;

namespace Shop.Catalog.Api.Search;

/// <summary>PostgreSQL functions that search queries call. EF Core translates the calls; they never run in .NET.</summary>
public static class CatalogSearchFunctions
{
    /// <summary><c>catalog_resembles(word, content)</c> (see 0001_catalog.sql): some word of the content is within
    /// the trigram threshold of <paramref name="searchWord"/>, so a small typo still matches.</summary>
    public static bool Resembles(string searchWord, string content) => throw NotTranslated();

    /// <summary>pg_trgm's <c>word_similarity</c>: how closely the best-matching stretch of the content resembles the search.</summary>
    public static float WordSimilarity(string search, string content) => throw NotTranslated();

    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDbFunction(typeof(CatalogSearchFunctions).GetMethod(nameof(Resembles))!).HasName("catalog_resembles");
        modelBuilder.HasDbFunction(typeof(CatalogSearchFunctions).GetMethod(nameof(WordSimilarity))!).HasName("word_similarity").IsBuiltIn();
    }

    private static InvalidOperationException NotTranslated() => new("Only for use in queries that EF Core translates to SQL.");
}
