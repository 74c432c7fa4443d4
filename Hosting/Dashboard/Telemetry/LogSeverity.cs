namespace Shop.Hosting.Dashboard.Telemetry;

/// <summary>OTLP severity numbers (1-4 trace … 21-24 fatal) under the .NET log level names the services use.</summary>
internal static class LogSeverity
{
    public static IReadOnlyList<string> Levels { get; } = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    public static string NameOf(int severityNumber) =>
        severityNumber is >= 1 and <= 24 ? Levels[(severityNumber - 1) / 4] : "Unspecified";

    /// <summary>The lowest severity number of <paramref name="level"/>: filtering on it keeps that level and above.</summary>
    public static int MinimumNumberOf(string? level)
    {
        var index = Levels.ToList().FindIndex(l => string.Equals(l, level, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? 0 : (index * 4) + 1;
    }
}
