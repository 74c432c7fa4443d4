using Npgsql;
using NpgsqlTypes;

namespace Shop.Catalog.Api.Search;

/// <summary>Turns a search into <see cref="SearchTerms"/>, in one statement before the page's: each word's lexemes, and
/// those of the catalog's own words (<c>search_words</c>, which a trigger on products keeps: see
/// 0006_search_vocabulary.sql) that the word may be a misspelling of (<see cref="Typos.MayMean"/>). Inside the page's
/// statement, PostgreSQL would look the words up again for every product it filters.</summary>
public sealed class SearchVocabulary(NpgsqlDataSource dataSource)
{
    // Lexemes from to_tsvector with search_vector's configuration, so that "sleeping" finds "sleep" as it was stored.
    // fuzzystrmatch's levenshtein_less_equal (in C, and it stops counting at the bound) narrows the vocabulary without
    // losing a word: a transposition is two Levenshtein edits, so k typos (Typos.MostAllowed) are at most 2k of them,
    // and a word the shopper is still typing is within 3k of the target's start of the same length (k more for where
    // it ends). Typos.MayMean then keeps the words within the typos allowed.
    private const string LexemesSql = """
        SELECT typed.position::integer, NULL, tsvector_to_array(to_tsvector('english', typed.word))
        FROM unnest($1::text[]) WITH ORDINALITY AS typed (word, position)
        UNION ALL
        SELECT typed.position::integer, search_words.word, tsvector_to_array(to_tsvector('english', search_words.word))
        FROM unnest($1::text[], $2::integer[]) WITH ORDINALITY AS typed (word, typos, position)
        JOIN search_words ON typed.typos > 0 AND search_words.word <> typed.word AND (
            (length(search_words.word) BETWEEN length(typed.word) - typed.typos AND length(typed.word) + typed.typos
                AND levenshtein_less_equal(typed.word, search_words.word, 2 * typed.typos) <= 2 * typed.typos)
            OR (typed.position = cardinality($1::text[]) AND length(search_words.word) >= length(typed.word) - typed.typos
                AND levenshtein_less_equal(typed.word, left(search_words.word, length(typed.word)), 3 * typed.typos) <= 3 * typed.typos))
        """;

    public async Task<SearchTerms> TermsAsync(CatalogSearch search, CancellationToken cancellationToken)
    {
        var asTyped = new NpgsqlTsQuery?[search.Words.Count];
        var meanings = search.Words.Select(_ => new List<NpgsqlTsQuery>()).ToList();
        await using var command = dataSource.CreateCommand(LexemesSql);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. search.Words] });
        command.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = [.. search.Words.Select(word => Typos.MostAllowed(word.Length))] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var index = reader.GetInt32(0) - 1;
            var lexemes = reader.GetFieldValue<string[]>(2);
            if (reader.IsDBNull(1))
            {
                asTyped[index] = Term(lexemes, prefix: search.IsLast(index));
            }
            else if (Typos.MayMean(search.Words[index], reader.GetString(1), stillTyping: search.IsLast(index)) && Term(lexemes, prefix: false) is { } meant)
            {
                meanings[index].Add(meant);
            }
        }

        // A word without a lexeme is a stop word: it does not count, whatever it resembles.
        var words = asTyped
            .Select((term, index) => term is null ? null : new SearchTerms.Word(term, meanings[index].Aggregate(term, SearchTerms.Or)))
            .OfType<SearchTerms.Word>()
            .ToList();
        return new SearchTerms(search.Phrase, words);
    }

    /// <summary>All the lexemes of one word (the english parser makes one of a word of letters or digits); none for a stop word.</summary>
    private static NpgsqlTsQuery? Term(string[] lexemes, bool prefix) => lexemes.Length == 0
        ? null
        : lexemes.Select(lexeme => (NpgsqlTsQuery)new NpgsqlTsQueryLexeme(lexeme, NpgsqlTsQueryLexeme.Weight.None, prefix))
            .Aggregate(SearchTerms.And);
}
