using System.Globalization;
using Shop.Contracts;

namespace Shop.Testing.Soak;

/// <summary>The soak's invariants, each adding its figures to the result and marking it broken when it does not hold.</summary>
internal static class SoakChecks
{
    public static bool IsSettled(string status) => status is nameof(OrderStatus.Paid) or nameof(OrderStatus.Cancelled);

    /// <summary>Every accepted order ended Paid or Cancelled exactly once; stock and payments agree with the paid ones.</summary>
    public static async Task CheckOrdersAsync(
        SoakResult result,
        SoakPlan plan,
        SoakTally tally,
        Dictionary<Guid, (string Status, DateTimeOffset UpdatedAt)> statuses,
        SoakLedger ledger,
        Dictionary<int, int> initialStock)
    {
        var accepted = tally.Accepted.Select(o => o.OrderId).ToList();
        var distinct = accepted.Distinct().Count();
        var lost = accepted.Count(id => !statuses.ContainsKey(id));
        var unsettled = statuses.Values.Count(s => !IsSettled(s.Status));
        var unannounced = await ledger.UnannouncedOrdersAsync(accepted);
        result.Add("orders accepted (2xx from checkout)", $"{accepted.Count} of {plan.Orders}");
        result.Add("ended Paid / Cancelled", $"{Count(statuses, OrderStatus.Paid)} / {Count(statuses, OrderStatus.Cancelled)}");
        result.Add("lost / unsettled / doubled / unannounced", $"{lost} / {unsettled} / {accepted.Count - distinct} / {unannounced}");
        result.Check(accepted.Count >= plan.Orders, $"only {accepted.Count} of {plan.Orders} orders were accepted");
        result.Check(lost == 0, $"{lost} accepted orders are not in orderingdb");
        result.Check(unsettled == 0, $"{unsettled} accepted orders did not end Paid or Cancelled within {plan.SettleTimeout.TotalMinutes:0} min");
        result.Check(distinct == accepted.Count, $"{accepted.Count - distinct} order ids were given to two checkouts");
        result.Check(unannounced == 0, $"{unannounced} orders in orderingdb were never announced to a shopper as accepted");

        var finalStock = await ledger.StockAsync(plan);
        var paidUnits = await ledger.PaidUnitsAsync();
        var drift = initialStock.Keys
            .Where(id => initialStock[id] - paidUnits.GetValueOrDefault(id) != finalStock.GetValueOrDefault(id))
            .Select(id => $"product {id}: {initialStock[id]} − {paidUnits.GetValueOrDefault(id)} paid ≠ {finalStock.GetValueOrDefault(id)}")
            .ToList();
        result.Add("units paid; products with stock drift", $"{paidUnits.Values.Sum()}; {drift.Count} of {initialStock.Count}"
            + $" (scarce product {plan.Products}: {initialStock[plan.Products]} → {finalStock.GetValueOrDefault(plan.Products)})");
        result.Check(drift.Count == 0, "initial stock − units of paid orders ≠ final stock: " + string.Join("; ", drift));

        var withoutOnePayment = await ledger.PaidOrdersWithoutOnePaymentAsync();
        var chargedForNothing = await ledger.ChargesWithoutPaidOrderAsync();
        result.Add("paid without one payment / charged not paid", $"{withoutOnePayment} / {chargedForNothing}");
        result.Check(withoutOnePayment == 0, $"{withoutOnePayment} paid orders do not have exactly one approved charge");
        result.Check(chargedForNothing == 0, $"{chargedForNothing} approved charges belong to no paid order");
    }

    /// <summary>Shoppers saw no 5xx but 503s during an outage, and no refusal outlasted its outage.</summary>
    public static void CheckShoppers(SoakResult result, SoakPlan plan, SoakTally tally)
    {
        var late = tally.RefusalsAfterOutage.Where(refusal => refusal.Since > plan.RecoveryGrace).ToList();
        result.Add("requests from shoppers", tally.Requests);
        result.Add("503 / 409 during an outage", $"{tally.UnavailableInOutage} / {tally.ConflictsInOutage}");
        result.Add("refused after an outage ended", RefusalsAfterOutage(tally, plan));
        result.Add("other 5xx / no answer", $"{tally.OtherServerErrors} / {tally.NoAnswer}");
        result.Add("checkouts given up / baskets refilled", $"{tally.GaveUp} / {tally.BasketsLost}");
        result.Check(tally.OtherServerErrors == 0, $"{tally.OtherServerErrors} answers were 5xx other than 503");
        result.Check(late.Count == 0, $"{late.Count} requests were refused (409/503) more than {plan.RecoveryGrace.TotalSeconds:0} s after the last outage ended: "
            + string.Join("; ", tally.LateRefusals.Select(pair => $"{pair.Value}× {pair.Key}")));
        result.Check(tally.GaveUp == 0, $"{tally.GaveUp} checkouts were never accepted within {plan.CheckoutDeadline.TotalMinutes:0} min");
        result.Check(tally.Unexpected.Count == 0, "unexpected answers: " + string.Join(" | ", tally.Unexpected.Take(5)));
    }

    /// <summary>The faults happened as planned and were recovered from; when the last order settled after the last one;
    /// which services left Running (killed, or at zero between bursts).</summary>
    public static void CheckFaults(
        SoakResult result,
        SoakPlan plan,
        FaultTimeline faults,
        Chaos chaos,
        Dictionary<Guid, (string Status, DateTimeOffset UpdatedAt)> statuses,
        ResourceStates states,
        bool scaleToZero)
    {
        var all = faults.Faults;
        var recoveries = all.Where(f => !f.IsServerOutage && f.End is not null).Select(f => (f.End!.Value - f.Start).TotalSeconds).Order().ToList();
        result.Add("worker SIGKILLs (skipped: not running)", recoveries.Count == 0
            ? $"0 ({chaos.KillsSkipped})"
            : $"{chaos.WorkerKills} ({chaos.KillsSkipped}), healthy again after {recoveries[recoveries.Count / 2]:0.0} s median, {recoveries[^1]:0.0} s at most");
        result.Add("server faults, healthy again after", string.Join(", ", all.Where(f => f.IsServerOutage)
            .Select(f => $"{f.Resource} {(f.End is { } end ? (end - f.Start).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" : "never")}")));
        result.Check(chaos.WorkerKills > 0, "the worker was never killed");
        foreach (var serverFault in plan.ServerFaults.Where(serverFault => !all.Any(f => f.Resource == serverFault.ToString() && f.End is not null)))
        {
            result.Check(false, $"{serverFault}: did not happen or was not recovered from");
        }

        foreach (var failure in chaos.Failures)
        {
            result.Check(false, failure);
        }

        if (faults.LastEnd is { } lastFault && statuses.Count > 0)
        {
            var settled = statuses.Values.Max(s => s.UpdatedAt) - lastFault;
            result.Add("last order settled after the last fault", settled > TimeSpan.Zero
                ? $"{settled.TotalSeconds:0.0} s"
                : $"every order had settled {-settled.TotalSeconds:0.0} s before the last fault was over");
        }

        var departures = states.Departures;
        result.Add($"left Running (scale-to-zero {(scaleToZero ? "asked for" : "off")})", string.Join(", ", departures.Select(d => $"{d.Service} {d.States.Count}×"
            + (d.States.Count > 0 ? $" ({string.Join("/", d.States.Distinct())})" : ""))));

        result.Add("not running at the end of each idle gap", string.Join(", ", states.AtZeroAfterGaps.Select(d => $"{d.Service} {d.Gaps}×")));
        result.Add("services seen at zero between bursts", states.AtZeroAfterGaps.Any(d => d.Gaps > 0) ? "yes" : "no");
    }

    /// <summary>The worker's processes of this system once the soak is over: one, under the app host's current replica;
    /// any other is a stray that outlived the <c>dotnet run</c> the app host started it with.</summary>
    public static void CountWorkers(SoakResult result, StartedApplication app, ResourceStates states)
    {
        var workers = ServiceProcesses.Running(Chaos.WorkerAssembly, $"ConnectionStrings__{ResourceNames.OrderingDatabase}", app.GetConnectionString(ResourceNames.OrderingDatabase));
        var runner = states.Latest(ResourceNames.OrderingWorker) is { } latest ? ServiceProcesses.Pid(latest) : null;
        var strays = workers.Where(w => w.ParentPid != runner).ToList();
        result.Add("worker processes at the end (strays)", $"{workers.Count} ({strays.Count}{string.Concat(strays.Select(s => $", pid {s.Pid} under {s.ParentPid}"))})");
    }

    private static string RefusalsAfterOutage(SoakTally tally, SoakPlan plan)
    {
        if (tally.RefusalsAfterOutage.Count == 0)
        {
            return "0";
        }

        var latest = tally.RefusalsAfterOutage.MaxBy(refusal => refusal.Since);
        return $"{tally.RefusalsAfterOutage.Count}, the latest {latest.Since.TotalSeconds:0.0} s after the end of {latest.After} (grace {plan.RecoveryGrace.TotalSeconds:0} s)";
    }

    private static int Count(Dictionary<Guid, (string Status, DateTimeOffset UpdatedAt)> statuses, OrderStatus status) =>
        statuses.Values.Count(s => s.Status == status.ToString());
}
