namespace Shop.Hosting.Dashboard.Api;

/// <summary>One row of the resources table. Environment values are masked (see SecretMasker).</summary>
/// <param name="Restarts">Every start after the first, whether by restart or by start after a stop.</param>
/// <param name="CanControl">Stop, start and restart apply (a database follows its server instead).</param>
/// <param name="Parent">The resource this one lives inside, if any (a database's server).</param>
public sealed record ResourceDto(
    string Name,
    string Type,
    string State,
    string Health,
    DateTimeOffset? StartedAt,
    int Restarts,
    int? ExitCode,
    string? Message,
    IReadOnlyList<string> Urls,
    IReadOnlyList<EnvironmentVariableDto> Environment,
    bool CanControl,
    string? Parent);

public sealed record EnvironmentVariableDto(string Name, string Value);
