using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Shop.WebFrontend.Tests;

public sealed class AccountCookieTests
{
    [Theory]
    [InlineData("Production", CookieSecurePolicy.Always)]
    [InlineData("Development", CookieSecurePolicy.SameAsRequest)]
    public async Task The_account_cookie_is_HttpOnly_and_SameSite_Lax_and_Secure_outside_Development(string environment, CookieSecurePolicy secure)
    {
        await using var frontend = new WebFrontendFactory(new Uri($"http://127.0.0.1:{ClosedPort.Find()}"), environment);
        var cookies = frontend.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>();

        var account = cookies.Get(IdentityConstants.ApplicationScheme);
        var passkeyCeremony = cookies.Get(IdentityConstants.TwoFactorUserIdScheme);

        Assert.Equal("shop.account", account.Cookie.Name);
        Assert.True(account.Cookie.HttpOnly);
        Assert.Equal(SameSiteMode.Lax, account.Cookie.SameSite);
        Assert.Equal(secure, account.Cookie.SecurePolicy);
        Assert.Equal("/account/signin", account.LoginPath);
        Assert.True(passkeyCeremony.Cookie.HttpOnly);
        Assert.Equal(secure, passkeyCeremony.Cookie.SecurePolicy);
    }
}
