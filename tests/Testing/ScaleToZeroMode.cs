using Shop.Hosting.ScaleToZero;

namespace Shop.Testing;

/// <summary>The app host's scale-to-zero mode, turned on by configuration: each service that may scale to zero in Azure
/// is stopped after it has been idle this long, and woken by the next request or queued message.</summary>
public static class ScaleToZeroMode
{
    /// <summary>The app host argument that turns the mode on.</summary>
    public static string Argument(TimeSpan idleTime) => $"--{ScaleToZeroOptions.IdleTimeKey}={idleTime:c}";
}
