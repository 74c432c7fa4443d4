using System.Net;

namespace Shop.Basket.Api.Tests;

[Collection(RedisServer.Name)]
public sealed class HealthTests(RedisFixture redis)
{
    [Fact]
    public async Task The_service_is_healthy_when_Redis_answers()
    {
        Assert.Equal(HttpStatusCode.OK, await GetHealthAsync(redis.ConnectionString));
    }

    [Fact]
    public async Task The_service_is_unhealthy_when_nothing_listens_at_the_Redis_address()
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await GetHealthAsync($"127.0.0.1:{ClosedPort.Find()},password=irrelevant"));
    }

    [Fact]
    public async Task The_service_is_unhealthy_when_Redis_refuses_the_password()
    {
        var wrongPassword = redis.ConnectionString[..redis.ConnectionString.IndexOf(',', StringComparison.Ordinal)] + ",password=wrong";

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await GetHealthAsync(wrongPassword));
    }

    [Fact]
    public async Task The_service_is_alive_even_when_Redis_is_not()
    {
        await using var factory = new BasketApiFactory($"127.0.0.1:{ClosedPort.Find()}");
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
    }

    private static async Task<HttpStatusCode> GetHealthAsync(string connectionString)
    {
        await using var factory = new BasketApiFactory(connectionString);
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/health");
        return response.StatusCode;
    }
}
