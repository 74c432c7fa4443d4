using System.Net;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Shop.ServiceDefaults.Resilience;

namespace Shop.ServiceDefaults.Tests;

public sealed class HttpResilienceHandlerTests
{
    private static readonly HttpResilienceOptions _fast = new()
    {
        TotalTimeout = TimeSpan.FromSeconds(5),
        AttemptTimeout = TimeSpan.FromMilliseconds(300),
        MaxRetryAttempts = 3,
        RetryDelay = TimeSpan.FromMilliseconds(1),
    };

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task A_GET_answered_with_a_transient_status_is_retried_until_it_succeeds(HttpStatusCode transient)
    {
        var stub = new StubHandler(call => new HttpResponseMessage(call < 3 ? transient : HttpStatusCode.OK));
        using var client = CreateClient(stub);

        using var response = await client.GetAsync(new Uri("http://service/items"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, stub.Calls);
    }

    [Fact]
    public async Task A_POST_is_never_retried()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var client = CreateClient(stub);

        using var response = await client.PostAsync(new Uri("http://service/orders"), new StringContent("{}"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, stub.Calls);
    }

    [Fact]
    public async Task A_client_error_is_not_retried()
    {
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound));
        using var client = CreateClient(stub);

        using var response = await client.GetAsync(new Uri("http://service/items/42"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(1, stub.Calls);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_and_then_surfaces()
    {
        var stub = new StubHandler((_, _) => Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused")));
        using var client = CreateClient(stub);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("http://service/items")));

        Assert.Equal(1 + _fast.MaxRetryAttempts, stub.Calls);
    }

    [Fact]
    public async Task An_attempt_that_hangs_is_cut_off_and_retried()
    {
        var stub = new StubHandler(async (call, cancellationToken) =>
        {
            if (call == 1)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var client = CreateClient(stub);

        using var response = await client.GetAsync(new Uri("http://service/items"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Calls);
    }

    [Fact]
    public async Task The_total_timeout_ends_a_call_that_keeps_failing()
    {
        var options = new HttpResilienceOptions
        {
            TotalTimeout = TimeSpan.FromMilliseconds(200),
            AttemptTimeout = TimeSpan.FromMilliseconds(100),
            MaxRetryAttempts = 100,
            RetryDelay = TimeSpan.FromMilliseconds(20),
        };
        var stub = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        using var client = new HttpClient(new HttpResilienceHandler(Options.Create(options)) { InnerHandler = stub });

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => client.GetAsync(new Uri("http://service/items")));
        Assert.InRange(stub.Calls, 2, 20);
    }

    [Fact]
    public async Task Invalid_settings_stop_the_service_from_starting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestService.StartAsync(
            new Dictionary<string, string?> { ["HttpResilience:MaxRetryAttempts"] = "0" }));

        Assert.Contains(nameof(HttpResilienceOptions.MaxRetryAttempts), error.Message, StringComparison.Ordinal);
    }

    private static HttpClient CreateClient(StubHandler stub) =>
        new(new HttpResilienceHandler(Options.Create(_fast)) { InnerHandler = stub });
}
