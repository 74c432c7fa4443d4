using Microsoft.EntityFrameworkCore;

namespace Shop.Catalog.Api.Search;

/// <summary>PostgreSQL functions that search queries call. EF Core translates the calls; they never run in .NET.</summary>
public static class CatalogSearchFunctions
{
    /// <summary>pg_trgm's <c>word_similarity</c>: how closely the best-matching stretch of the content resembles the search.</summary>
    public static float WordSimilarity(string search, string content) => throw NotTranslated();

    public static void Map(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDbFunction(typeof(CatalogSearchFunctions).GetMethod(nameof(WordSimilarity))!).HasName("word_similarity").IsBuiltIn();
    }

    private static InvalidOperationException NotTranslated() => new("Only for use in queries that EF Core translates to SQL.");
}
