using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.Catalog.Api.Tests;

/// <summary>Full-text search with ranking, prefixes, stemming and typo tolerance, over the seed catalog (shared, read
/// only) and over products a test adds to a catalog of its own.</summary>
[Collection(CatalogServers.Name)]
public sealed class CatalogSearchTests(CatalogServersFixture servers)
{
    [Theory]
    [InlineData("headlamp", "Headlamp")]
    [InlineData("HEADLAMP", "Headlamp")]
    [InlineData("tents", "Tent")]
    [InlineData("boot", "Boots")]
    [InlineData("backp", "Backpack")]
    [InlineData("sleep", "Sleeping")]
    public async Task A_word_its_prefix_or_another_form_of_it_finds_the_items_named_with_it_ahead_of_the_rest(string query, string nameWord)
    {
        var names = await SearchNamesAsync(await SeededAsync(), query);

        var named = names.TakeWhile(name => name.Contains(nameWord, StringComparison.Ordinal)).Count();
        Assert.True(named >= 4, $"Expected the items named with '{nameWord}' first: {string.Join(", ", names)}");
        Assert.DoesNotContain(names.Skip(named), name => name.Contains(nameWord, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("hedlamp", "Headlamp")]
    [InlineData("lanturn", "Lantern")]
    [InlineData("backpak", "Backpack")]
    [InlineData("jaket", "Jacket")]
    [InlineData("sleping bag", "Sleeping Bag")]
    [InlineData("compas", "Compass")]
    public async Task A_misspelt_word_still_finds_the_items_named_with_the_right_one_first(string query, string nameWord)
    {
        var names = await SearchNamesAsync(await SeededAsync(), query);

        Assert.NotEmpty(names);
        Assert.Contains(nameWord, names[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trekking bakcp", "Trekking Backpack")]
    [InlineData("hiking bots", "Hiking Boots")]
    [InlineData("snthetic sleeping", "Synthetic Sleeping Bag")]
    public async Task A_typo_in_the_word_still_being_typed_or_a_dropped_letter_in_a_short_one_is_forgiven(string query, string nameWords)
    {
        var names = await SearchNamesAsync(await SeededAsync(), query);

        Assert.NotEmpty(names);
        Assert.All(names.Take(3), name => Assert.Contains(nameWords, name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Words_under_5_letters_get_no_typo()
    {
        Assert.Empty(await SearchNamesAsync(await SeededAsync(), "tnet"));
    }

    [Fact]
    public async Task An_item_matching_the_words_as_typed_ranks_above_one_matching_through_a_typo()
    {
        await using var app = await servers.StartCatalogAsync();
        await app.AddProductAsync("Zephry Kettle", 5, description: "A kettle.");
        await app.AddProductAsync("Zephyr Kettle", 5, description: "A kettle.");

        Assert.Equal(["Zephry Kettle", "Zephyr Kettle"], await SearchNamesAsync(app, "zephry kettle"));
        Assert.Equal(["Zephyr Kettle", "Zephry Kettle"], await SearchNamesAsync(app, "zephyr kettle"));
    }

    [Fact]
    public async Task Every_word_of_a_search_must_match_but_stop_words_do_not_count()
    {
        var app = await SeededAsync();

        var tentForTwo = await SearchNamesAsync(app, "a tent for two");
        var headlampTent = await SearchNamesAsync(app, "headlamp tent");

        Assert.NotEmpty(tentForTwo);
        Assert.All(tentForTwo, name => Assert.Contains("Two-Person Tent", name, StringComparison.Ordinal));
        Assert.Empty(headlampTent);
    }

    [Fact]
    public async Task Words_in_the_description_are_found_too()
    {
        var items = (await SearchAsync(await SeededAsync(), "vestibules")).GetProperty("data").EnumerateArray().ToList();

        Assert.NotEmpty(items);
        Assert.All(items, item => Assert.Contains("vestibules", item.GetProperty("description").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_item_named_with_the_word_ranks_above_one_that_only_mentions_it()
    {
        await using var app = await servers.StartCatalogAsync();
        await app.AddProductAsync("Camp Mug", 5, description: "An enamel mug that goes well with a Zephyrine lantern.");
        await app.AddProductAsync("Zephyrine Lantern", 5, description: "A lantern that glows warm.");
        await app.AddProductAsync("Trail Stool", 5, description: "Folds flat.");

        var names = await SearchNamesAsync(app, "zephyrine");

        Assert.Equal(["Zephyrine Lantern", "Camp Mug"], names);
    }

    [Fact]
    public async Task A_closer_spelling_ranks_above_a_looser_one()
    {
        await using var app = await servers.StartCatalogAsync();
        await app.AddProductAsync("Quillon Stove", 5);
        await app.AddProductAsync("Quillonax Stove", 5);

        var names = await SearchNamesAsync(app, "quillon");

        Assert.Equal(["Quillon Stove", "Quillonax Stove"], names);
    }

    [Fact]
    public async Task A_search_combines_with_a_type_filter_a_price_sort_and_paging()
    {
        var app = await SeededAsync();
        var all = await SearchAsync(app, "jacket", "&pageSize=100");
        var typeId = all.GetProperty("data")[0].GetProperty("typeId").GetInt32();

        var page = await SearchAsync(app, "jacket", $"&typeId={typeId}&sort=price_desc&pageSize=3&pageIndex=1");

        var prices = page.GetProperty("data").EnumerateArray().Select(item => item.GetProperty("price").GetDecimal()).ToList();
        Assert.Equal(3, prices.Count);
        Assert.Equal(prices.OrderDescending(), prices);
        Assert.All(page.GetProperty("data").EnumerateArray(), item => Assert.Equal(typeId, item.GetProperty("typeId").GetInt32()));
        Assert.Equal(
            all.GetProperty("data").EnumerateArray().Count(item => item.GetProperty("typeId").GetInt32() == typeId),
            page.GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task A_search_that_matches_nothing_is_an_empty_page_with_a_zero_count()
    {
        var page = await SearchAsync(await SeededAsync(), "xylophone");

        Assert.Equal(0, page.GetProperty("count").GetInt64());
        Assert.Equal(0, page.GetProperty("data").GetArrayLength());
    }

    [Fact]
    public async Task A_blank_search_lists_everything()
    {
        var app = await SeededAsync();

        var blank = await SearchAsync(app, "   ");
        var none = await app.Client.GetFromJsonAsync<JsonElement>("/api/catalog/items?pageSize=100");

        Assert.Equal(none.GetProperty("count").GetInt64(), blank.GetProperty("count").GetInt64());
    }

    private Task<CatalogApp> SeededAsync() => servers.GetSeededCatalogAsync();

    private static async Task<JsonElement> SearchAsync(CatalogApp app, string query, string more = "&pageSize=100") =>
        await app.Client.GetFromJsonAsync<JsonElement>($"/api/catalog/items?q={Uri.EscapeDataString(query)}{more}");

    private static async Task<List<string>> SearchNamesAsync(CatalogApp app, string query) =>
        [.. (await SearchAsync(app, query)).GetProperty("data").EnumerateArray().Select(item => item.GetProperty("name").GetString()!)];
}
