using Shop.Contracts;

namespace Shop.Testing.Soak;

/// <summary>What a chaos soak does: how many orders, from how many shoppers, in how many bursts, and which faults it
/// causes meanwhile. The bench runs the full soak; the end-to-end test a shorter one with the same engine.</summary>
public sealed record SoakPlan
{
    /// <summary>The PostgreSQL server resource, whose databases are catalogdb and orderingdb.</summary>
    public const string Postgres = "postgres";

    /// <summary>Orders accepted (checkout answered 2xx) before the shoppers stop.</summary>
    public required int Orders { get; init; }

    public int Shoppers { get; init; } = 20;

    /// <summary>The orders come in this many bursts with <see cref="IdleGap"/> between them, so that services with
    /// scale-to-zero on fall to zero and are woken by the next burst.</summary>
    public int Bursts { get; init; } = 5;

    public TimeSpan IdleGap { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Each shopper browses up to this long (half of it on average) before each order, so that a burst lasts
    /// long enough for the faults to strike while orders are in flight.</summary>
    public TimeSpan ThinkTime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the ordering-worker is killed with SIGKILL while the shoppers shop (at a fixed rate: a kill due
    /// while the worker is still coming back from the last one waits until it is).</summary>
    public TimeSpan WorkerKillInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The server faults, one per burst from the second on, in this order (more than one per burst when there
    /// are more faults than bursts after the first). The pause is the one that once left a checkout lock behind.</summary>
    public IReadOnlyList<ServerFault> ServerFaults { get; init; } =
    [
        ServerFault.Restart(ResourceNames.Messaging),
        ServerFault.Restart(Postgres),
        ServerFault.Restart(ResourceNames.Cache),
        ServerFault.Freeze(ResourceNames.Cache, TimeSpan.FromSeconds(5)),
    ];

    /// <summary>Products the shoppers buy (ids from 1); the last of them has little stock, so some orders are rejected
    /// for stock and their reservations released.</summary>
    public int Products { get; init; } = 12;

    public int ScarceStock { get; init; } = 10;

    /// <summary>How long after an outage has ended a checkout may still be refused (409/503) before it counts as stuck.</summary>
    public TimeSpan RecoveryGrace { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one checkout may keep being retried before the shopper gives up on it (and the soak fails).</summary>
    public TimeSpan CheckoutDeadline { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>How long the accepted orders have, after the shoppers and the faults stop, to end Paid or Cancelled.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromMinutes(3);

    public int OrdersInBurst(int burst) => (Orders / Bursts) + (burst < Orders % Bursts ? 1 : 0);
}
