using System.Collections.Concurrent;

namespace Shop.Testing.Soak;

/// <summary>An order a shopper was told was accepted (checkout answered 2xx), under its idempotency key.</summary>
public sealed record AcceptedOrder(Guid OrderId, string IdempotencyKey, DateTimeOffset AcceptedAt);

/// <summary>What the shoppers saw: every answer counted, refusals placed inside or after an outage, every accepted
/// order kept for the checks against the databases. A refusal more than <c>grace</c> after the last outage ended is late.</summary>
public sealed class SoakTally(FaultTimeline faults, TimeSpan grace)
{
    private readonly ConcurrentQueue<AcceptedOrder> _accepted = new();
    private readonly ConcurrentQueue<string> _unexpected = new();
    private readonly ConcurrentQueue<(string After, TimeSpan Since)> _refusalsAfterOutage = new();
    private readonly ConcurrentDictionary<string, int> _lateRefusals = new(StringComparer.Ordinal);
    private int _requests;
    private int _unavailableInOutage;
    private int _conflictsInOutage;
    private int _otherServerErrors;
    private int _noAnswer;
    private int _basketsLost;
    private int _gaveUp;

    public IReadOnlyCollection<AcceptedOrder> Accepted => _accepted;

    public int Requests => _requests;

    /// <summary>503s to requests sent or answered while a server was down.</summary>
    public int UnavailableInOutage => _unavailableInOutage;

    /// <summary>409s ("already in progress") to checkouts sent or answered while a server was down.</summary>
    public int ConflictsInOutage => _conflictsInOutage;

    /// <summary>For each other 409 or 503: the outage that ended last before the request was sent, and
    /// how long it had been over.</summary>
    public IReadOnlyCollection<(string After, TimeSpan Since)> RefusalsAfterOutage => _refusalsAfterOutage;

    /// <summary>The refusals sent more than the plan's grace after the last outage ended, by status and reason.</summary>
    public IReadOnlyDictionary<string, int> LateRefusals => _lateRefusals;

    /// <summary>5xx other than 503: never acceptable.</summary>
    public int OtherServerErrors => _otherServerErrors;

    /// <summary>Requests that got no answer (connection refused or reset, or the client's timeout).</summary>
    public int NoAnswer => _noAnswer;

    /// <summary>Checkouts that found the basket empty after it had been filled (basket storage lost it), refilled and
    /// retried with the same key.</summary>
    public int BasketsLost => _basketsLost;

    /// <summary>Checkouts never accepted within the plan's deadline, however often retried.</summary>
    public int GaveUp => _gaveUp;

    /// <summary>Answers no shopper should get (other 4xx, 5xx other than 503), with their bodies, for the report.</summary>
    public IReadOnlyCollection<string> Unexpected => _unexpected;

    public void Count() => Interlocked.Increment(ref _requests);

    public void AcceptedOrder(AcceptedOrder order) => _accepted.Enqueue(order);

    /// <summary>A 409 or 503 to a request sent at <paramref name="sentAt"/>, for the <paramref name="reason"/> it gave.</summary>
    public void Refused(int status, string reason, DateTimeOffset sentAt)
    {
        if (faults.InServerOutage(sentAt, faults.Now))
        {
            Interlocked.Increment(ref status == 409 ? ref _conflictsInOutage : ref _unavailableInOutage);
            return;
        }

        var (outage, since) = faults.LastServerOutageBefore(sentAt);
        _refusalsAfterOutage.Enqueue((outage?.Resource ?? "the start", since));
        if (since > grace)
        {
            _lateRefusals.AddOrUpdate($"{status} \"{reason}\"", 1, (_, count) => count + 1);
        }
    }

    public void ServerError(string description)
    {
        Interlocked.Increment(ref _otherServerErrors);
        Unexpectedly(description);
    }

    public void Unexpectedly(string description) => _unexpected.Enqueue(description);

    public void Unanswered() => Interlocked.Increment(ref _noAnswer);

    public void BasketLost() => Interlocked.Increment(ref _basketsLost);

    public void GiveUp(string idempotencyKey)
    {
        Interlocked.Increment(ref _gaveUp);
        Unexpectedly($"checkout {idempotencyKey} still not accepted at the deadline");
    }
}
