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

    /// <summary>Whether a server was down (or not yet healthy again) at <paramref name="moment"/>.</summary>
    public bool InServerOutage(DateTimeOffset moment)
    {
        lock (_gate)
        {
            return _faults.Any(f => f.IsServerOutage && f.Start <= moment && (f.End is not { } end || end >= moment));
        }
    }

    /// <summary>How long before <paramref name="moment"/> the last server outage ended (or the soak started, if none had).</summary>
    public TimeSpan SinceServerOutage(DateTimeOffset moment)
    {
        lock (_gate)
        {
            var ended = _faults.Where(f => f.IsServerOutage && f.End is { } end && end <= moment).Select(f => f.End!.Value);
            return moment - ended.DefaultIfEmpty(Started).Max();
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
