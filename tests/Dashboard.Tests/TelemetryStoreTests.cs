using Shop.Hosting.Dashboard.Telemetry;

namespace Shop.Dashboard.Tests;

public sealed class TelemetryStoreTests
{
    [Fact]
    public void The_log_store_keeps_only_the_newest_records_up_to_its_capacity()
    {
        var store = new LogRecordStore(capacity: 3);

        store.Add(OtlpRequests.Logs("api", Enumerable.Range(1, 5).Select(i => $"message {i}")));

        Assert.Equal(3, store.Count);
        Assert.Equal(["message 5", "message 4", "message 3"], store.Query(new LogQuery()).Select(r => r.Message));
    }

    [Fact]
    public void The_trace_store_drops_the_trace_it_saw_first()
    {
        var store = new TraceStore(maxTraces: 2);
        var requests = Enumerable.Range(1, 3).Select(i => OtlpRequests.Trace("api", $"request {i}")).ToList();

        requests.ForEach(store.Add);

        Assert.Equal(2, store.Count);
        Assert.Equal(["request 3", "request 2"], store.Query(new TraceQuery()).Select(t => t.Name));
        var firstTraceId = Convert.ToHexStringLower(requests[0].ResourceSpans[0].ScopeSpans[0].Spans[0].TraceId.Span);
        Assert.Null(store.Get(firstTraceId));
    }

    [Fact]
    public void The_dashboard_keeps_ten_thousand_log_records_and_traces_by_default()
    {
        var options = new Shop.Hosting.Dashboard.DashboardOptions();

        Assert.Equal((10_000, 10_000), (options.MaxLogRecords, options.MaxTraces));
    }

    [Fact]
    public void Percentiles_interpolate_inside_the_bucket_that_holds_the_rank()
    {
        double[] bounds = [10, 20, 50];
        double[] counts = [0, 10, 0, 0];

        Assert.Equal(15, HistogramPercentiles.Estimate(bounds, counts, 0.5));
        Assert.Equal(50, HistogramPercentiles.Estimate(bounds, [0, 0, 0, 4], 0.99));
        Assert.Null(HistogramPercentiles.Estimate(bounds, [0, 0, 0, 0], 0.5));
    }

    [Fact]
    public void Cumulative_values_become_increases_from_the_second_point_on_and_a_reset_starts_over()
    {
        var deltas = new CumulativeDeltas();
        const ulong Second = 1_000_000_000;

        var first = deltas.Delta("requests", cumulative: true, start: Second, time: 3 * Second, [10]);
        var second = deltas.Delta("requests", cumulative: true, start: Second, time: 5 * Second, [16]);
        var afterRestart = deltas.Delta("requests", cumulative: true, start: 6 * Second, time: 7 * Second, [2]);
        var next = deltas.Delta("requests", cumulative: true, start: 6 * Second, time: 8 * Second, [5]);

        Assert.Null(first);
        Assert.Equal((6.0, 2.0), (second!.Value.Increase[0], second.Value.Seconds));
        Assert.Null(afterRestart);
        Assert.Equal((3.0, 1.0), (next!.Value.Increase[0], next.Value.Seconds));
    }
}
