using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.ServiceDefaults.Tests;

/// <summary>What the services rely on from every HttpClient the factory makes: a logical name resolves through Aspire's
/// <c>services__{name}__http__0</c> setting, transient failures of idempotent requests are retried, and a POST is sent
/// once. A real upstream service on a loopback port answers; the client is the one a Shop service gets.</summary>
[Collection(RunsServices.Name)]
public sealed class HttpClientDefaultsTests
{
    [Fact]
    public async Task A_logical_name_resolves_through_the_services_setting_keeping_path_and_query()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var caller = await StartCallerAsync(upstream);
        using var client = caller.CreateFactoryClient();

        var answer = await client.GetStringAsync(new Uri("http://catalog-api/echo?pageIndex=1&pageSize=3"));

        Assert.Equal("GET /echo?pageIndex=1&pageSize=3", answer);
    }

    [Fact]
    public async Task A_name_without_an_endpoint_passes_through_unchanged()
    {
        await using var upstream = await Upstream.StartAsync();
        await using var caller = await StartCallerAsync(upstream);
        using var client = caller.CreateFactoryClient();

        // The upstream's real address, not a logical name: service discovery leaves it alone.
        var answer = await client.GetStringAsync(new Uri(upstream.Address, "/echo"));

        Assert.Equal("GET /echo", answer);
    }

    [Theory]
    [InlineData("GET", HttpStatusCode.ServiceUnavailable)]
    [InlineData("GET", HttpStatusCode.TooManyRequests)]
    [InlineData("PUT", HttpStatusCode.InternalServerError)]
    [InlineData("DELETE", HttpStatusCode.RequestTimeout)]
    public async Task An_idempotent_request_answered_with_a_transient_status_is_retried_until_it_succeeds(string method, HttpStatusCode transient)
    {
        await using var upstream = await Upstream.StartAsync(failFirst: 2, transient);
        await using var caller = await StartCallerAsync(upstream);
        using var client = caller.CreateFactoryClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "http://catalog-api/flaky"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, upstream.Calls("/flaky"));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PATCH")]
    public async Task A_request_that_is_not_idempotent_is_sent_once_even_when_it_fails(string method)
    {
        await using var upstream = await Upstream.StartAsync(failFirst: int.MaxValue, HttpStatusCode.ServiceUnavailable);
        await using var caller = await StartCallerAsync(upstream);
        using var client = caller.CreateFactoryClient();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "http://catalog-api/flaky")
        {
            Content = new StringContent("{}"),
        });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, upstream.Calls("/flaky"));
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        await using var upstream = await Upstream.StartAsync(failFirst: int.MaxValue, HttpStatusCode.NotFound);
        await using var caller = await StartCallerAsync(upstream);
        using var client = caller.CreateFactoryClient();

        using var response = await client.GetAsync(new Uri("http://catalog-api/flaky"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, upstream.Calls("/flaky"));
    }

    [Fact]
    public async Task A_refused_connection_is_retried_as_configured_and_then_surfaces()
    {
        await using var caller = await TestService.StartAsync(new Dictionary<string, string?>
        {
            // A port that was free a moment ago: nothing listens there.
            ["services:catalog-api:http:0"] = $"http://127.0.0.1:{FreePort()}",
            ["HttpResilience:Retry:MaxRetryAttempts"] = "1",
            ["HttpResilience:Retry:Delay"] = "00:00:00.010",
        });
        using var client = caller.CreateFactoryClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("http://catalog-api/items")));
    }

    /// <summary>A Shop service (AddServiceDefaults) whose <c>catalog-api</c> is the upstream, with quick retries.</summary>
    private static Task<TestService> StartCallerAsync(Upstream upstream) => TestService.StartAsync(new Dictionary<string, string?>
    {
        // What Aspire passes as the environment variable services__catalog-api__http__0.
        ["services:catalog-api:http:0"] = upstream.Address.ToString(),
        ["HttpResilience:Retry:Delay"] = "00:00:00.010",
    });

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Answers <c>/echo</c> with the method, path and query it received, and <c>/flaky</c> with
    /// <c>status</c> for the first <c>failFirst</c> calls and 200 after; counts the calls to each path.</summary>
    private sealed class Upstream : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, int> _calls = new();

        private Upstream(WebApplication app) => App = app;

        public Uri Address { get; private set; } = null!;

        private WebApplication App { get; }

        public static async Task<Upstream> StartAsync(int failFirst = 0, HttpStatusCode status = HttpStatusCode.OK)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.UseFreeLoopbackPort();
            var upstream = new Upstream(builder.Build());
            upstream.App.Use(async (context, next) =>
            {
                upstream._calls.AddOrUpdate(context.Request.Path, 1, (_, calls) => calls + 1);
                await next(context);
            });
            upstream.App.Map("/echo", (HttpRequest request) => $"{request.Method} {request.Path}{request.QueryString}");
            upstream.App.Map("/flaky", () => upstream.Calls("/flaky") <= failFirst ? Results.StatusCode((int)status) : Results.Ok());
            await upstream.App.StartAsync();
            upstream.Address = upstream.App.GetListeningAddress();
            return upstream;
        }

        public int Calls(string path) => _calls.GetValueOrDefault(path);

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}
