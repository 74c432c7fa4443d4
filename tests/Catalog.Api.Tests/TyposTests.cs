using Shop.Catalog.Api.Search;

namespace Shop.Catalog.Api.Tests;

public sealed class TyposTests
{
    [Theory]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(8, 1)]
    [InlineData(9, 2)]
    public void Words_of_5_letters_may_hold_one_typo_and_of_9_two(int length, int allowed) => Assert.Equal(allowed, Typos.Allowed(length));

    [Theory]
    [InlineData("lantern", "lantern", 0)]
    [InlineData("lanttern", "lantern", 1)]
    [InlineData("lntern", "lantern", 1)]
    [InlineData("lanturn", "lantern", 1)]
    [InlineData("lnatern", "lantern", 1)]
    [InlineData("alntren", "lantern", 2)]
    [InlineData("tnet", "tent", 1)]
    [InlineData("ca", "abc", 3)]
    public void Each_insertion_deletion_substitution_or_swap_of_neighbours_is_one_typo(string typed, string target, int distance) =>
        Assert.Equal(distance, Typos.Distance(typed, target, prefix: false));

    [Theory]
    [InlineData("back", "backpack", 0)]
    [InlineData("bakc", "backpack", 1)]
    [InlineData("bcakpa", "backpack", 1)]
    [InlineData("backpac", "backpack", 0)]
    public void A_word_still_being_typed_counts_the_typos_in_the_start_it_matches(string typed, string target, int distance) =>
        Assert.Equal(distance, Typos.Distance(typed, target, prefix: true));

    [Theory]
    [InlineData("bots", "boots", false, true)]
    [InlineData("snthetc", "synthetic", false, true)]
    [InlineData("jakcet", "jacket", false, true)]
    [InlineData("tnet", "tent", false, false)]
    [InlineData("bcakpa", "backpack", true, true)]
    [InlineData("bcakpa", "backpack", false, false)]
    [InlineData("bakc", "backpack", true, false)]
    [InlineData("backp", "backpack", true, false)]
    public void A_typed_word_may_mean_a_catalog_word_within_the_typos_its_length_allows(string typed, string target, bool stillTyping, bool mayMean) =>
        Assert.Equal(mayMean, Typos.MayMean(typed, target, stillTyping));
}
