using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Shop.Ordering.Worker.Tests.Infrastructure;
using Shop.Security;
using Shop.Tests.Hostile;
using Xunit.Abstractions;

namespace Shop.Ordering.Worker.Tests;

/// <summary>Every route of the orders API, given hostile tokens, query values, ids and bodies: never a 5xx, and the
/// 401 and 403 answers are problem details like every other error.</summary>
[Collection(Servers.Name)]
public sealed class HostileInputTests(ServersFixture servers, ITestOutputHelper output)
{
    [Fact]
    public async Task No_hostile_request_to_the_orders_api_gets_a_server_error()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var worker = await scenario.StartWorkerAsync();
        var tally = new StatusTally("Ordering.Worker");
        using var buyer = OrderingScenario.CreateBuyerClient(worker, TestOrders.NewBuyer());
        using var operatorClient = OrderingScenario.CreateOperatorClient(worker);
        var orderId = Guid.NewGuid();

        foreach (var subject in ForgedBuyerToken.HostileSubjects)
        {
            using var forged = worker.CreateClient();
            forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ForgedBuyerToken.WithSubject(WorkerSettings.BuyerTokenKey, subject));
            foreach (var (method, path) in new[] { ("GET", "/api/orders"), ("GET", $"/api/orders/{orderId}"), ("POST", $"/api/orders/{orderId}/cancel") })
            {
                using var response = await tally.SendAsync(forged, new HttpRequestMessage(new HttpMethod(method), path));
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }

        foreach (var value in HostileValues.Query)
        {
            using var pageIndex = await tally.SendAsync(buyer, new HttpRequestMessage(HttpMethod.Get, $"/api/orders?pageIndex={value}"));
            using var pageSize = await tally.SendAsync(buyer, new HttpRequestMessage(HttpMethod.Get, $"/api/orders?pageSize={value}"));
        }

        foreach (var segment in HostileValues.PathSegment)
        {
            using var read = await tally.SendAsync(buyer, new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{segment}"));
            using var cancel = await tally.SendAsync(buyer, new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{segment}/cancel"));
            using var ship = await tally.SendAsync(operatorClient, new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{segment}/ship"));
        }

        foreach (var contentType in HostileValues.ContentTypes)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{orderId}/cancel") { Content = new StringContent("{}", Encoding.UTF8) };
            request.Content.Headers.Remove("Content-Type");
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            using var _ = await tally.SendAsync(buyer, request);
        }

        using var anonymous = worker.CreateClient();
        foreach (var key in new[] { "", "x", new string('k', 5000), "ключ" })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/orders/{orderId}/ship");
            request.Headers.TryAddWithoutValidation(ShopAuth.OperatorKeyHeader, key);
            using var response = await tally.SendAsync(anonymous, request);
            Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{response.StatusCode} for key '{key}'");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(0L, await scenario.Database.CountOrdersAsync());
        output.WriteLine(tally.AssertNoServerErrors());
    }
}
