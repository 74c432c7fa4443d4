using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shop.Security;

namespace Shop.Security.Tests;

public sealed class SecurityTests
{
    private const string Key = "a-buyer-token-key-of-at-least-32-chars";
    private const string OperatorKey = "operator-key-for-tests";

    [Fact]
    public async Task A_buyer_token_names_its_buyer_and_a_forged_or_expired_one_names_nobody()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var tokens = Tokens(Key, clock);
        var token = tokens.Issue("buyer-a");

        Assert.Equal("buyer-a", await tokens.ValidateAsync(token));
        Assert.Null(await Tokens("another-key-that-is-also-32-chars-long", clock).ValidateAsync(token));
        Assert.Null(await tokens.ValidateAsync(token[..^3] + "abc"));
        Assert.Null(await tokens.ValidateAsync("not a token"));

        clock.Now += TimeSpan.FromMinutes(6);
        Assert.Null(await tokens.ValidateAsync(token));
    }

    [Fact]
    public async Task Buyer_endpoints_answer_401_without_a_valid_token_and_see_only_the_token_s_buyer()
    {
        await using var service = await StartAsync();
        using var client = service.CreateClient();
        var tokens = service.GetService<BuyerTokens>()!;

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(client, "/me", "Authorization", "Bearer forged.token.value")).StatusCode);

        var response = await SendAsync(client, "/me", "Authorization", "Bearer " + tokens.Issue("buyer-b"));
        Assert.Equal("buyer-b", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Operator_endpoints_answer_401_without_the_key_and_403_with_a_wrong_one()
    {
        await using var service = await StartAsync();
        using var client = service.CreateClient();

        var missing = await client.GetAsync("/operator");
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(client, "/operator", ShopAuth.OperatorKeyHeader, "guess")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, "/operator", ShopAuth.OperatorKeyHeader, OperatorKey)).StatusCode);

        var buyerToken = service.GetService<BuyerTokens>()!.Issue("buyer-c");
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(client, "/operator", "Authorization", "Bearer " + buyerToken)).StatusCode);
    }

    /// <summary>A real service on a free loopback port with both schemes and an endpoint behind each policy.</summary>
    private static async Task<SecuredService> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["BuyerTokens:Key"] = Key, ["Operator:Key"] = OperatorKey });
        builder.AddBuyerTokens().AddOperatorKey();

        var app = builder.Build();
        app.MapGet("/me", (HttpContext context) => context.User.GetBuyerId()).RequireAuthorization(ShopAuth.BuyerPolicy);
        app.MapGet("/operator", () => "ok").RequireAuthorization(ShopAuth.OperatorPolicy);
        await app.StartAsync();
        return new SecuredService(app);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(header, value);
        return await client.SendAsync(request);
    }

    private static BuyerTokens Tokens(string key, TimeProvider clock) =>
        new(Options.Create(new BuyerTokenOptions { Key = key }), clock);

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class SecuredService(WebApplication app) : IAsyncDisposable
    {
        public HttpClient CreateClient() => new() { BaseAddress = new Uri(app.Urls.Single()) };

        public T? GetService<T>() => app.Services.GetService<T>();

        public ValueTask DisposeAsync() => app.DisposeAsync();
    }
}
