using Aspire.Hosting;
using Shop.Hosting.ScaleToZero;
using Shop.Testing;

namespace Shop.Hosting.Tests;

/// <summary>The scale-to-zero mode's configuration (the mode itself runs on the booted system in EndToEnd.Tests'
/// ScaleToZeroTests).</summary>
public sealed class ScaleToZeroOptionsTests
{
    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:05")]
    public void An_idle_time_that_is_not_positive_is_refused_naming_the_key(string idleTime)
    {
        var builder = TestServers.CreateBuilder(null, $"--{ScaleToZeroOptions.IdleTimeKey}={idleTime}");

        var refused = Assert.Throws<DistributedApplicationException>(() => builder.AddScaleToZero());

        Assert.Contains(ScaleToZeroOptions.IdleTimeKey, refused.Message, StringComparison.Ordinal);
    }
}
