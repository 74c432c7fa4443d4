using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Shop.WebFrontend.Accounts;

namespace Shop.WebFrontend.Tests;

public sealed class AccountRateLimitTests
{
    private static readonly AccountRateLimits _limits = new() { SignInsPerWindow = 3, SignUpsPerWindow = 2, Window = TimeSpan.FromHours(1) };

    [Fact]
    public void Sign_in_posts_are_counted_per_client_address_and_apart_from_sign_ups()
    {
        using var limiter = PartitionedRateLimiter.Create<HttpContext, string>(_limits.PartitionFor);

        var first = Enumerable.Range(0, 4).Select(_ => Acquire(limiter, "POST", AccountPaths.SignIn, "203.0.113.7")).ToList();

        Assert.Equal([true, true, true, false], first);
        Assert.True(Acquire(limiter, "POST", AccountPaths.SignIn, "203.0.113.8"));
        Assert.True(Acquire(limiter, "POST", AccountPaths.SignUp, "203.0.113.7"));
        Assert.False(Acquire(limiter, "POST", AccountPaths.PasskeyRequestOptions, "203.0.113.7"));
    }

    [Fact]
    public void Showing_the_forms_and_every_other_page_is_not_limited()
    {
        using var limiter = PartitionedRateLimiter.Create<HttpContext, string>(_limits.PartitionFor);

        Assert.All(Enumerable.Range(0, 10), _ => Assert.True(Acquire(limiter, "GET", AccountPaths.SignIn, "203.0.113.9")));
        Assert.All(Enumerable.Range(0, 10), _ => Assert.True(Acquire(limiter, "POST", "/basket", "203.0.113.9")));
    }

    [Fact]
    public async Task The_frontend_answers_a_burst_of_sign_in_posts_with_429_a_Retry_After_and_a_page_that_says_why()
    {
        await using var frontend = new WebFrontendFactory(new Uri($"http://127.0.0.1:{ClosedPort.Find()}"));
        using var client = frontend.CreateBrowser();
        var limit = new AccountRateLimits().SignInsPerWindow;

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= limit; attempt++)
        {
            using var response = await client.PostAsync(new Uri(AccountPaths.SignIn, UriKind.Relative), new FormUrlEncodedContent([]));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
                Assert.Contains("too many attempts to sign in", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        // Without an antiforgery token each counted post is refused as a form (303 to the explanation) until the limit.
        Assert.All(statuses.Take(limit), status => Assert.Equal(HttpStatusCode.SeeOther, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task Behind_the_ingress_each_forwarded_client_address_has_its_own_allowance()
    {
        // As deployed: ASP.NET Core reads the client address the ingress appends to X-Forwarded-For.
        await using var frontend = new WebFrontendFactory(new Uri($"http://127.0.0.1:{ClosedPort.Find()}"))
        {
            Settings = { ["FORWARDEDHEADERS_ENABLED"] = "true" },
        };
        using var client = frontend.CreateBrowser();
        var limit = new AccountRateLimits().SignInsPerWindow;

        var first = new List<HttpStatusCode>();
        for (var attempt = 0; attempt <= limit; attempt++)
        {
            first.Add(await PostSignInFromAsync(client, "198.51.100.1"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, first[^1]);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, first.SkipLast(1));
        Assert.Equal(HttpStatusCode.SeeOther, await PostSignInFromAsync(client, "198.51.100.2"));
    }

    private static async Task<HttpStatusCode> PostSignInFromAsync(HttpClient client, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, AccountPaths.SignIn) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("X-Forwarded-For", address);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static bool Acquire(PartitionedRateLimiter<HttpContext> limiter, string method, string path, string address)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        using var lease = limiter.AttemptAcquire(context);
        return lease.IsAcquired;
    }
}
