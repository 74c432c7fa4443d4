using System.Net;
using System.Net.Http.Headers;
using System.Web;
using Microsoft.AspNetCore.Http;
using Shop.Hosting.Dashboard;
using Shop.Hosting.Dashboard.Api;

namespace Shop.Dashboard.Tests;

public sealed class DashboardAccessTests(DashboardFixture fixture) : IClassFixture<DashboardFixture>
{
    [Theory]
    [InlineData("/api/resources")]
    [InlineData("/")]
    [InlineData("/assets/js/app.js")]
    public async Task Nothing_is_served_without_logging_in(string path)
    {
        using var anonymous = new HttpClient { BaseAddress = fixture.Dashboard.Url };

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_login_token_is_refused()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Dashboard.Url };

        using var response = await anonymous.GetAsync("/login?t=guessed");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Logging_in_swaps_the_token_for_an_http_only_cookie_and_drops_it_from_the_address()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Dashboard.Url };

        using var response = await client.GetAsync(fixture.Dashboard.LoginUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Token, cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_can_read_the_resource_table_with_the_token_as_a_bearer_token()
    {
        using var script = new HttpClient { BaseAddress = fixture.Dashboard.Url };
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await script.GetAsync("/api/resources");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pages_forbid_scripts_and_styles_from_anywhere_else_and_send_no_referrer()
    {
        using var client = await fixture.LogInAsync();

        using var response = await client.GetAsync("/traces");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("/assets/js/app.js", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_resources_have_no_actions()
    {
        using var client = await fixture.LogInAsync();

        using var response = await client.PostAsync("/api/resources/nothing-here/restart", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await fixture.GetAsync<List<ResourceDto>>("/api/resources"));
    }

    [Fact]
    public async Task With_anonymous_access_allowed_requests_need_no_token()
    {
        var access = new DashboardAccess(allowAnonymous: true);
        var context = new DefaultHttpContext { Request = { Path = "/api/resources" } };
        var served = false;

        await access.EnforceAsync(context, _ =>
        {
            served = true;
            return Task.CompletedTask;
        });

        Assert.True(served);
    }

    private string Token => HttpUtility.ParseQueryString(fixture.Dashboard.LoginUrl.Query)["t"]!;
}
