using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Shop.Catalog.Api.Tests;

/// <summary>Typo tolerance measured on a test set generated from the seed catalog's own product names: each product's
/// name, searched with one word misspelt by each edit kind (a word of 5+ letters), and with two edits in a word of 9+
/// letters. Prints recall and top-3 precision per kind, with examples, so that a change to the search shows its cost.</summary>
[Collection(CatalogServers.Name)]
public sealed partial class TypoSearchTests(CatalogServersFixture servers, ITestOutputHelper output)
{
    /// <summary>The storefront's page size: a product the shopper has to page for is a product not found.</summary>
    private const int FirstPage = 12;

    [Fact]
    public async Task Product_names_misspelt_by_every_edit_kind_find_the_product_on_the_first_page()
    {
        var app = await servers.GetSeededCatalogAsync();
        var outcomes = new List<Outcome>();
        foreach (var misspelling in Misspellings.Generate(await ProductsAsync(app)))
        {
            outcomes.Add(await SearchAsync(app, misspelling));
        }

        foreach (var kind in outcomes.GroupBy(outcome => outcome.Case.Kind))
        {
            output.WriteLine(Summary(kind.Key, [.. kind]));
            foreach (var example in kind.Take(5))
            {
                output.WriteLine($"    {example}");
            }

            foreach (var miss in kind.Skip(5).Where(outcome => outcome.Rank is null))
            {
                output.WriteLine($"    missed: {miss}");
            }
        }

        output.WriteLine(Summary("all", outcomes));
        Assert.All(Enum.GetValues<TypoKind>(), kind => Assert.Contains(outcomes, outcome => outcome.Case.Kind == kind));
        var recall = Recall(outcomes);
        Assert.True(recall >= 0.95, $"Recall {recall:P1} is under 95 %.");
    }

    private static string Summary(TypoKind kind, IReadOnlyList<Outcome> outcomes) => Summary(Label(kind), outcomes);

    private static string Summary(string kind, IReadOnlyList<Outcome> outcomes) => string.Create(
        CultureInfo.InvariantCulture,
        $"{kind}: {outcomes.Count} searches, recall (product on the first page) {Recall(outcomes):P1}, " +
        $"first result {outcomes.Count(outcome => outcome.Rank == 1) / (double)outcomes.Count:P1}, " +
        $"top-3 precision {outcomes.Sum(outcome => outcome.RelevantInTop3) / (double)Math.Max(1, outcomes.Sum(outcome => outcome.Top3)):P1}");

    private static double Recall(IReadOnlyList<Outcome> outcomes) => outcomes.Count(outcome => outcome.Rank is not null) / (double)outcomes.Count;

    private static string Label(TypoKind kind) => kind switch
    {
        TypoKind.TwoTypos => "two typos (9+ letters)",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static async Task<List<(int Id, string Name)>> ProductsAsync(CatalogApp app)
    {
        var products = new List<(int, string)>();
        await using var command = app.Database.CreateCommand("SELECT id, name FROM products ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            products.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return products;
    }

    /// <summary>Where the product ranks on the first page, and how many of the first three results hold the word the
    /// shopper meant (in their name or description, whole or as the start of a longer word).</summary>
    private static async Task<Outcome> SearchAsync(CatalogApp app, Misspelling misspelling)
    {
        var page = await app.Client.GetFromJsonAsync<JsonElement>(
            $"/api/catalog/items?q={Uri.EscapeDataString(misspelling.Query)}&pageSize={FirstPage}");
        var items = page.GetProperty("data").EnumerateArray().ToList();
        var rank = items.FindIndex(item => item.GetProperty("id").GetInt32() == misspelling.ProductId);
        var top3 = items.Take(3).ToList();
        var relevant = top3.Count(item => Words(item.GetProperty("name").GetString() + " " + item.GetProperty("description").GetString())
            .Any(word => word.StartsWith(misspelling.Word, StringComparison.Ordinal)));
        return new Outcome(misspelling, rank < 0 ? null : rank + 1, relevant, top3.Count);
    }

    private static IEnumerable<string> Words(string text) => Word().Matches(text.ToLowerInvariant()).Select(match => match.Value);

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    private sealed record Outcome(Misspelling Case, int? Rank, int RelevantInTop3, int Top3)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Case.Word} → {Case.Misspelt}: \"{Case.Query}\" → {(Rank is { } rank ? $"rank {rank}" : "not on the first page")}, {RelevantInTop3}/{Top3} of the top 3 relevant");
    }

    private enum TypoKind
    {
        Insertion,
        Deletion,
        Substitution,
        Transposition,
        TwoTypos,
    }

    /// <summary>A product's name as the shopper typed it, with one word (<see cref="Word"/>) misspelt.</summary>
    private sealed record Misspelling(TypoKind Kind, int ProductId, string Word, string Misspelt, string Query);

    /// <summary>The test set, the same on every run (a seeded generator).</summary>
    private static class Misspellings
    {
        private const string Letters = "abcdefghijklmnopqrstuvwxyz";

        public static IEnumerable<Misspelling> Generate(IEnumerable<(int Id, string Name)> products)
        {
            var random = new Random(17);
            foreach (var (id, name) in products)
            {
                var words = Words(name).ToList();
                var oneTypo = Indexes(words, minLength: 5);
                foreach (var kind in new[] { TypoKind.Insertion, TypoKind.Deletion, TypoKind.Substitution, TypoKind.Transposition })
                {
                    if (oneTypo.Count > 0)
                    {
                        var index = oneTypo[random.Next(oneTypo.Count)];
                        yield return Misspelt(kind, id, words, index, Edit(kind, words[index], 0, words[index].Length, random));
                    }
                }

                // Two edits with a letter between them, the right one first so that the left one's positions hold: no
                // single edit can then do the work of both.
                var twoTypos = Indexes(words, minLength: 9);
                if (twoTypos.Count > 0)
                {
                    var index = twoTypos[random.Next(twoTypos.Count)];
                    var word = words[index];
                    var middle = word.Length / 2;
                    var right = Edit(RandomKind(random), word, middle + 1, word.Length, random);
                    yield return Misspelt(TypoKind.TwoTypos, id, words, index, Edit(RandomKind(random), right, 0, middle - 1, random));
                }
            }
        }

        private static List<int> Indexes(List<string> words, int minLength) =>
            [.. words.Select((word, index) => (word, index)).Where(pair => pair.word.Length >= minLength && pair.word.All(char.IsLetter)).Select(pair => pair.index)];

        private static Misspelling Misspelt(TypoKind kind, int id, List<string> words, int index, string misspelt) =>
            new(kind, id, words[index], misspelt, string.Join(' ', words.Select((word, i) => i == index ? misspelt : word)));

        private static TypoKind RandomKind(Random random) => (TypoKind)random.Next((int)TypoKind.TwoTypos);

        /// <summary>One edit of <paramref name="kind"/> within [<paramref name="from"/>, <paramref name="to"/>) that
        /// changes the word.</summary>
        private static string Edit(TypoKind kind, string word, int from, int to, Random random) => kind switch
        {
            TypoKind.Insertion => word.Insert(random.Next(from, to + 1), Letters[random.Next(Letters.Length)] + ""),
            TypoKind.Deletion => word.Remove(random.Next(from, to), 1),
            TypoKind.Substitution => Substitute(word, random.Next(from, to), random),
            _ => Transpose(word, from, to, random),
        };

        private static string Substitute(string word, int at, Random random)
        {
            var others = Letters.Replace(word[at] + "", "", StringComparison.Ordinal);
            return word[..at] + others[random.Next(others.Length)] + word[(at + 1)..];
        }

        private static string Transpose(string word, int from, int to, Random random)
        {
            var swappable = Enumerable.Range(from, to - from - 1).Where(at => word[at] != word[at + 1]).ToList();
            var i = swappable[random.Next(swappable.Count)];
            return word[..i] + word[i + 1] + word[i] + word[(i + 2)..];
        }
    }
}
