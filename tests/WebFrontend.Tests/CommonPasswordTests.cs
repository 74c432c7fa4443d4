using Microsoft.AspNetCore.Identity;
using Shop.WebFrontend.Accounts;

namespace Shop.WebFrontend.Tests;

public sealed class CommonPasswordTests
{
    [Theory]
    [InlineData("password")]
    [InlineData("LetMeIn")]
    [InlineData("Password123!")]
    [InlineData("Qwerty123!")]
    [InlineData("!!Summer2026!!")]
    [InlineData("Football1!")]
    public async Task A_common_password_is_refused_also_with_case_changes_and_digits_or_symbols_around_it(string password)
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, new IdentityUser(), password);

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(CommonPasswordValidator.ErrorCode, error.Code);
        Assert.Contains("most used", error.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Velvet-Otter-Compass-42")]
    [InlineData("password-manager-made-this-7Q")]
    [InlineData("Dragonfly!Harbour9")]
    public async Task A_password_that_only_contains_a_common_word_is_accepted(string password)
    {
        var result = await new CommonPasswordValidator().ValidateAsync(null!, new IdentityUser(), password);

        Assert.True(result.Succeeded);
    }
}
