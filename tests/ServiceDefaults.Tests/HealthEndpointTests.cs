using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Shop.ServiceDefaults.Tests;

[Collection(RunsServices.Name)]
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task A_service_whose_checks_pass_is_healthy_and_alive()
    {
        await using var service = await TestService.StartAsync(new Dictionary<string, string?>());
        using var client = service.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task A_failing_dependency_makes_the_service_unhealthy_but_still_alive()
    {
        await using var service = await TestService.StartAsync(
            new Dictionary<string, string?>(),
            configureServices: builder => builder.Services.AddHealthChecks()
                .AddCheck("database", () => HealthCheckResult.Unhealthy("unreachable")));
        using var client = service.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive")).StatusCode);
    }
}
