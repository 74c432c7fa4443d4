namespace Shop.Testing.Soak;

/// <summary>One fault the soak caused: from the moment it struck until the resource was healthy again.</summary>
public sealed class Fault(string resource, bool isServerOutage, DateTimeOffset start)
{
    public string Resource => resource;

    /// <summary>A server restart, which shoppers may see as 503s; a killed worker only delays settlement.</summary>
    public bool IsServerOutage => isServerOutage;

    public DateTimeOffset Start => start;

    public DateTimeOffset? End { get; internal set; }
}

/// <summary>When each fault struck and when it was over, so that every answer a shopper got can be placed inside an
/// outage or after one.</summary>
public sealed class FaultTimeline(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly List<Fault> _faults = [];

    public DateTimeOffset Started { get; } = time.GetUtcNow();

    public DateTimeOffset Now => time.GetUtcNow();

    public IReadOnlyList<Fault> Faults
    {
        get
        {
            lock (_gate)
            {
                return [.. _faults];
            }
        }
    }

    public Fault Begin(string resource, bool isServerOutage)
    {
        var fault = new Fault(resource, isServerOutage, Now);
        lock (_gate)
        {
            _faults.Add(fault);
        }

        return fault;
    }

    public void End(Fault fault)
    {
        lock (_gate)
        {
            fault.End = Now;
        }
    }

    /// <summary>Whether a server was down (or not yet healthy again) at some time between <paramref name="from"/> and
    /// <paramref name="to"/>: a request sent just before a server stops is answered during its outage.</summary>
    public bool InServerOutage(DateTimeOffset from, DateTimeOffset to)
    {
        lock (_gate)
        {
            return _faults.Any(f => f.IsServerOutage && f.Start <= to && (f.End is not { } end || end >= from));
        }
    }

    /// <summary>The server outage that ended last before <paramref name="moment"/> (none, if none had), and how long
    /// before <paramref name="moment"/> it ended (or the soak started).</summary>
    public (Fault? Outage, TimeSpan Since) LastServerOutageBefore(DateTimeOffset moment)
    {
        lock (_gate)
        {
            var last = _faults.Where(f => f.IsServerOutage && f.End is { } end && end <= moment).MaxBy(f => f.End);
            return (last, moment - (last?.End ?? Started));
        }
    }

    /// <summary>Whether a fault of <paramref name="resource"/> has struck and is not over yet.</summary>
    public bool IsStruck(string resource)
    {
        lock (_gate)
        {
            return _faults.Any(f => f.Resource == resource && f.End is null);
        }
    }

    /// <summary>When the last fault of any kind was over.</summary>
    public DateTimeOffset? LastEnd
    {
        get
        {
            lock (_gate)
            {
                return _faults.Max(f => f.End);
            }
        }
    }
}
