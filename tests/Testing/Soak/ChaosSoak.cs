using Microsoft.Extensions.Options;
using Npgsql;
using Shop.Contracts;
using Shop.Security;

namespace Shop.Testing.Soak;

/// <summary>The chaos soak: shoppers place orders through Basket.Api's public endpoint in bursts with idle gaps, while
/// the worker is killed with SIGKILL at a steady interval and each server is restarted; then it waits for the accepted
/// orders to settle and checks, against the databases, that none was lost, doubled, left unsettled, charged twice or
/// mis-stocked, and that no shopper saw a 5xx other than a 503 during an outage, or a refusal that outlasted it.</summary>
public static class ChaosSoak
{
    private static readonly string[] _services = [ResourceNames.CatalogApi, ResourceNames.BasketApi, ResourceNames.OrderingWorker, ResourceNames.WebFrontend];

    /// <summary>Runs the soak on a started system of its own (the soak restarts its servers and sets its stock), writing
    /// progress and then the figures to <paramref name="output"/>.</summary>
    public static async Task<SoakResult> RunAsync(StartedApplication app, SoakPlan plan, bool scaleToZero, TextWriter output)
    {
        var log = TextWriter.Synchronized(output);
        var time = TimeProvider.System;
        await using var states = ResourceStates.Watch(app, _services);
        var ledger = new SoakLedger(app.GetConnectionString(ResourceNames.CatalogDatabase), app.GetConnectionString(ResourceNames.OrderingDatabase));
        var initialStock = await ledger.StockUpAsync(plan);
        var tokens = new BuyerTokens(
            Options.Create(new BuyerTokenOptions { Key = await app.GetParameterValueAsync("buyer-token-key"), Lifetime = TimeSpan.FromHours(4) }), time);
        using var basket = new HttpClient { BaseAddress = app.GetEndpoint(ResourceNames.BasketApi), Timeout = TimeSpan.FromSeconds(60) };
        var faults = new FaultTimeline(time);
        var tally = new SoakTally(faults, plan.RecoveryGrace);
        var chaos = new Chaos(app, plan, faults, states, log);
        var shoppers = Enumerable.Range(1, plan.Shoppers)
            .Select(n => new Shopper(basket, tokens.Issue($"soak-{n}-{Guid.NewGuid():N}"), n, plan, tally, time))
            .ToList();

        log.WriteLine($"Chaos soak: {plan.Orders} orders from {plan.Shoppers} shoppers in {plan.Bursts} bursts, {plan.IdleGap.TotalSeconds:0} s idle"
            + $" between them; the worker SIGKILLed every {plan.WorkerKillInterval.TotalSeconds:0} s; {string.Join(", ", plan.ServerFaults)};"
            + $" scale-to-zero {(scaleToZero ? "asked for" : "off")}.");
        using (var stopKilling = new CancellationTokenSource())
        {
            var kills = chaos.KillWorkerRepeatedlyAsync(stopKilling.Token);
            for (var burst = 0; burst < plan.Bursts; burst++)
            {
                if (burst > 0)
                {
                    await Task.Delay(plan.IdleGap);
                    states.SampleAfterGap(faults);
                }

                var accepted = tally.Accepted.Count;
                var started = time.GetUtcNow();
                var serverFaults = chaos.StrikeServersAsync(ServerFaultsIn(plan, burst), TimeSpan.FromSeconds(1));
                await ShopAsync(shoppers, plan.OrdersInBurst(burst));
                await serverFaults;
                log.WriteLine($"  burst {burst + 1} of {plan.Bursts}: {tally.Accepted.Count - accepted} orders accepted in {(time.GetUtcNow() - started).TotalSeconds:0.0} s");
            }

            await stopKilling.CancelAsync();
            await kills;
        }

        var shopping = time.GetUtcNow() - faults.Started;
        var statuses = await WaitUntilSettledAsync(ledger, [.. tally.Accepted.Select(o => o.OrderId)], plan.SettleTimeout);
        var result = new SoakResult();
        await SoakChecks.CheckOrdersAsync(result, plan, tally, statuses, ledger, initialStock);
        SoakChecks.CheckShoppers(result, plan, tally);
        SoakChecks.CheckFaults(result, plan, faults, chaos, statuses, states, scaleToZero);
        SoakChecks.CountWorkers(result, app, states);
        result.Add("shopping (bursts and gaps)", $"{shopping.TotalSeconds:0} s; soak in all {(time.GetUtcNow() - faults.Started).TotalSeconds:0} s");
        log.WriteLine();
        result.Print(log);

        return result;
    }

    /// <summary>The server faults during a burst: one per burst from the second on (all in the only one, if there is
    /// one), as many per burst as needed for each to strike once.</summary>
    private static IEnumerable<ServerFault> ServerFaultsIn(SoakPlan plan, int burst) =>
        plan.ServerFaults.Where((_, index) => plan.Bursts == 1 ? burst == 0 : burst == 1 + (index % (plan.Bursts - 1)));

    /// <summary>Every shopper places orders until the burst's count has been taken.</summary>
    private static async Task ShopAsync(List<Shopper> shoppers, int orders)
    {
        var remaining = orders;
        await Task.WhenAll(shoppers.Select(async shopper =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await shopper.PlaceOrderAsync(CancellationToken.None);
            }
        }));
    }

    /// <summary>Polls orderingdb until every accepted order is Paid or Cancelled, or the timeout has passed.</summary>
    private static async Task<Dictionary<Guid, (string Status, DateTimeOffset UpdatedAt)>> WaitUntilSettledAsync(
        SoakLedger ledger, Guid[] orderIds, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var statuses = new Dictionary<Guid, (string Status, DateTimeOffset UpdatedAt)>();
        while (true)
        {
            try
            {
                statuses = await ledger.StatusesAsync(orderIds);
                if (statuses.Count == orderIds.Length && statuses.Values.All(s => SoakChecks.IsSettled(s.Status)))
                {
                    return statuses;
                }
            }
            catch (NpgsqlException)
            {
                // PostgreSQL not answering yet after its restart: ask again.
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                return statuses;
            }
        }
    }
}
