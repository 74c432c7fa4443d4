using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Shop.Ordering.Worker.Tests.Infrastructure;
using Shop.Security;
using Shop.Tests.Hostile;

namespace Shop.Ordering.Worker.Tests;

/// <summary>POST /api/orders/claim: after sign-in, the anonymous buyer's orders become the account's.</summary>
[Collection(Servers.Name)]
public sealed class OrderClaimTests(ServersFixture servers)
{
    [Fact]
    public async Task A_claim_moves_every_order_of_the_anonymous_buyer_leaves_other_buyers_alone_and_a_replay_claims_none()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var worker = await scenario.StartWorkerAsync();
        var (anonymous, account, other) = (TestOrders.NewBuyer(), TestOrders.NewBuyer(), TestOrders.NewBuyer());
        var orders = new[] { anonymous, anonymous, account, other }
            .Select(buyer => TestOrders.Submitted(buyer, TestOrders.ApprovedCard, (1, 1)) with { SubmittedAt = DateTimeOffset.UtcNow.AddMinutes(-1) })
            .ToList();
        foreach (var order in orders)
        {
            await scenario.Bus.SubmitAsync(order);
        }

        await WaitUntilRecordedAsync(scenario, orders.Select(order => order.OrderId));
        using var client = OrderingScenario.CreateBuyerClient(worker, account);
        var token = OrderingScenario.TokenFor(anonymous);

        using var claim = await ClaimAsync(client, token);
        using var replay = await ClaimAsync(client, token);

        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        Assert.Equal(new ClaimJson(2), await claim.Content.ReadFromJsonAsync<ClaimJson>());
        Assert.Equal(new ClaimJson(0), await replay.Content.ReadFromJsonAsync<ClaimJson>());
        var buyers = await scenario.Database.ReadBuyersAsync(orders.Select(order => order.OrderId));
        Assert.Equal([account, account, account, other], orders.Select(order => buyers[order.OrderId]));
        var listed = await client.GetFromJsonAsync<OrderPageJson>(new Uri("/api/orders", UriKind.Relative));
        Assert.Equal(3L, listed!.Count);
        using var anonymousClient = OrderingScenario.CreateBuyerClient(worker, anonymous);
        Assert.Equal(0L, (await anonymousClient.GetFromJsonAsync<OrderPageJson>(new Uri("/api/orders", UriKind.Relative)))!.Count);
    }

    /// <summary>The bearer tries to take a victim's orders with a token they could not have been issued.</summary>
    [Theory]
    [MemberData(nameof(ForgedBuyerToken.BadTransferTokens), MemberType = typeof(ForgedBuyerToken))]
    public async Task A_missing_invalid_expired_forged_or_same_buyer_fromBuyerToken_is_a_400_naming_it_and_claims_nothing(string kind)
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var worker = await scenario.StartWorkerAsync();
        var (victim, account) = (TestOrders.NewBuyer(), TestOrders.NewBuyer());
        var order = TestOrders.Submitted(victim, TestOrders.ApprovedCard, (1, 1)) with { SubmittedAt = DateTimeOffset.UtcNow.AddMinutes(-1) };
        await scenario.Bus.SubmitAsync(order);
        await WaitUntilRecordedAsync(scenario, [order.OrderId]);
        using var client = OrderingScenario.CreateBuyerClient(worker, account);

        using var claim = await ClaimAsync(client, ForgedBuyerToken.ForTransfer(kind, WorkerSettings.BuyerTokenKey, victim, account));

        Assert.Equal(HttpStatusCode.BadRequest, claim.StatusCode);
        Assert.Equal("application/problem+json", claim.Content.Headers.ContentType?.MediaType);
        Assert.Equal([BuyerTransferRequest.FieldName], (await claim.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(victim, (await scenario.Database.ReadBuyersAsync([order.OrderId]))[order.OrderId]);
        Assert.Equal(0L, await scenario.Database.ScalarAsync<long>("SELECT count(*) FROM buyer_claims"));
    }

    [Fact]
    public async Task An_order_checked_out_before_the_claim_and_recorded_after_it_is_the_account_s_one_checked_out_later_is_not()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var worker = await scenario.StartWorkerAsync();
        var (anonymous, account) = (TestOrders.NewBuyer(), TestOrders.NewBuyer());
        var inFlight = TestOrders.Submitted(anonymous, TestOrders.ApprovedCard, (1, 1)) with { SubmittedAt = DateTimeOffset.UtcNow.AddSeconds(-2) };
        using var client = OrderingScenario.CreateBuyerClient(worker, account);

        using var claim = await ClaimAsync(client, OrderingScenario.TokenFor(anonymous));
        // The same anonymous id used again after the sign-in (another shopper on a shared browser, say).
        var later = TestOrders.Submitted(anonymous, TestOrders.ApprovedCard, (1, 1)) with { SubmittedAt = DateTimeOffset.UtcNow.AddSeconds(2) };
        await scenario.Bus.SubmitAsync(inFlight);
        await scenario.Bus.SubmitAsync(later);
        await WaitUntilRecordedAsync(scenario, [inFlight.OrderId, later.OrderId]);

        Assert.Equal(new ClaimJson(0), await claim.Content.ReadFromJsonAsync<ClaimJson>());
        var buyers = await scenario.Database.ReadBuyersAsync([inFlight.OrderId, later.OrderId]);
        Assert.Equal((account, anonymous), (buyers[inFlight.OrderId], buyers[later.OrderId]));
        Assert.Equal(inFlight.OrderId, Assert.Single((await client.GetFromJsonAsync<OrderPageJson>(new Uri("/api/orders", UriKind.Relative)))!.Data).OrderId);
    }

    /// <summary>The race the claim's lock closes: an insert not yet committed when the claim's UPDATE runs would otherwise
    /// be missed by the UPDATE, while its own lookup missed the claim not yet committed.</summary>
    [Fact]
    public async Task A_claim_waits_for_an_order_of_the_anonymous_buyer_being_recorded_and_then_moves_it()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var worker = await scenario.StartWorkerAsync();
        var (anonymous, account) = (TestOrders.NewBuyer(), TestOrders.NewBuyer());
        var orderId = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(scenario.Database.ConnectionString);
        await connection.OpenAsync();
        await using var recording = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO orders (id, buyer_id, status, submitted_at, updated_at, total, ship_full_name, ship_street, ship_city,
                                ship_postal_code, ship_country, card_token, card_last4)
            VALUES ($1, $2, 'Submitted', now() - interval '1 second', now(), 10.50, 'Ada', '1 Test Street', 'Testville', '12345', 'NL', 'tok', '4242')
            """,
            connection,
            recording))
        {
            insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = orderId });
            insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = anonymous });
            await insert.ExecuteNonQueryAsync();
        }

        using var client = OrderingScenario.CreateBuyerClient(worker, account);
        var claim = ClaimAsync(client, OrderingScenario.TokenFor(anonymous));
        await Eventually.HoldsAsync(
            async () => await scenario.Database.ScalarAsync<long>("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") == 1,
            async () => $"the claim is not waiting for the insert; it answered: {(claim.IsCompleted ? await (await claim).Content.ReadAsStringAsync() : "nothing yet")}");
        await recording.CommitAsync();

        using var claimed = await claim;
        Assert.Equal(new ClaimJson(1), await claimed.Content.ReadFromJsonAsync<ClaimJson>());
        Assert.Equal(account, (await scenario.Database.ReadBuyersAsync([orderId]))[orderId]);
    }

    private static Task<HttpResponseMessage> ClaimAsync(HttpClient client, string? fromBuyerToken) =>
        client.PostAsJsonAsync(new Uri("/api/orders/claim", UriKind.Relative), new { fromBuyerToken });

    private static Task WaitUntilRecordedAsync(OrderingScenario scenario, IEnumerable<Guid> orderIds)
    {
        var ids = orderIds.ToList();
        return Eventually.HoldsAsync(
            async () => (await scenario.Database.ReadBuyersAsync(ids)).Count == ids.Count,
            async () => $"{(await scenario.Database.ReadBuyersAsync(ids)).Count} of {ids.Count} orders recorded");
    }

    /// <summary>The claim's answer as a client reads it.</summary>
    private sealed record ClaimJson(int Claimed);
}
