using Npgsql;

namespace Shop.Catalog.Api.Search;

/// <summary>The catalog's own words (<c>search_words</c>, which a trigger on products keeps: see
/// 0006_search_vocabulary.sql) that a shopper's word may be a misspelling of (<see cref="Typos.MayMean"/>). A
/// statement of its own before the page's: inside the page's statement, PostgreSQL would look the words up again for
/// every product it filters.</summary>
public sealed class SearchVocabulary(NpgsqlDataSource dataSource)
{
    // fuzzystrmatch's levenshtein_less_equal (in C, and it stops counting at the bound) narrows the vocabulary without
    // losing a word: a transposition is two Levenshtein edits, so k typos (Typos.MostAllowed) are at most 2k of them,
    // and a word the shopper is still typing is within 3k of the target's start of the same length (k more for where
    // it ends). Typos.MayMean then keeps the words within the typos allowed. One statement for all the words.
    private const string CandidatesSql = """
        SELECT typed.position::integer, search_words.word
        FROM unnest($1::text[], $2::integer[], $3::boolean[]) WITH ORDINALITY AS typed (word, typos, prefix, position)
        JOIN search_words ON search_words.word <> typed.word AND (
            (length(search_words.word) BETWEEN length(typed.word) - typed.typos AND length(typed.word) + typed.typos
                AND levenshtein_less_equal(typed.word, search_words.word, 2 * typed.typos) <= 2 * typed.typos)
            OR (typed.prefix AND length(search_words.word) >= length(typed.word) - typed.typos
                AND levenshtein_less_equal(typed.word, left(search_words.word, length(typed.word)), 3 * typed.typos) <= 3 * typed.typos))
        """;

    /// <summary>The search with, for each word, the catalog's words it may be a misspelling of.</summary>
    public async Task<CatalogSearch> ForgiveTyposAsync(CatalogSearch search, CancellationToken cancellationToken)
    {
        var fuzzy = search.Words.Select((word, index) => (Word: word, Index: index, Typos: Typos.MostAllowed(word.Length))).Where(word => word.Typos > 0).ToList();
        if (fuzzy.Count == 0)
        {
            return search;
        }

        var meant = search.Words.Select(_ => new List<string>()).ToList();
        await using var command = dataSource.CreateCommand(CandidatesSql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. fuzzy.Select(word => word.Word)] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. fuzzy.Select(word => word.Typos)] });
        command.Parameters.Add(new NpgsqlParameter<bool[]> { TypedValue = [.. fuzzy.Select(word => search.IsLast(word.Index))] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (typed, index, _) = fuzzy[reader.GetInt32(0) - 1];
            var candidate = reader.GetString(1);
            if (Typos.MayMean(typed, candidate, stillTyping: search.IsLast(index)))
            {
                meant[index].Add(candidate);
            }
        }

        return search.Meaning(meant);
    }
}
