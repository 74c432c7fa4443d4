namespace Shop.Hosting.Dashboard.Telemetry;

/// <summary>Estimates percentiles from explicit-bucket counts, interpolating linearly inside the bucket that holds
/// the rank (the usual estimate; the exact values are not sent).</summary>
internal static class HistogramPercentiles
{
    /// <param name="bounds">Upper bounds; bucket i holds (bounds[i-1], bounds[i]], the last bucket everything above.</param>
    /// <param name="counts">One more count than bounds.</param>
    /// <param name="quantile">Between 0 and 1: 0.99 is p99.</param>
    /// <returns>Null when the buckets are empty.</returns>
    public static double? Estimate(IReadOnlyList<double> bounds, IReadOnlyList<double> counts, double quantile)
    {
        var total = counts.Sum();
        if (total <= 0 || bounds.Count == 0 || counts.Count != bounds.Count + 1)
        {
            return null;
        }

        var rank = quantile * total;
        var below = 0.0;
        for (var i = 0; i < counts.Count; i++)
        {
            if (counts[i] <= 0 || below + counts[i] < rank)
            {
                below += counts[i];
                continue;
            }

            if (i == bounds.Count)
            {
                // Above the last bound nothing is known but the bound itself.
                return bounds[^1];
            }

            var lower = i == 0 ? Math.Min(0, bounds[0]) : bounds[i - 1];
            return lower + ((bounds[i] - lower) * (rank - below) / counts[i]);
        }

        return bounds[^1];
    }
}
