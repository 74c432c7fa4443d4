using Aspire.Hosting.ApplicationModel;

namespace Shop.Hosting.Projects;

/// <summary>Declares that a service is started again when its process exits without having been asked to (a crash, a
/// <c>kill -9</c>, or a service stopping itself so that it gets a fresh process), after a back-off that doubles with
/// every exit in a row, as Container Apps restarts a container that exits. <see cref="ProjectRestarter"/> acts on it.</summary>
public sealed class RestartOnExitAnnotation : IResourceAnnotation
{
    /// <summary>The wait before the first restart after a run that lasted at least <see cref="StableAfter"/>.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between restarts, however often the service keeps exiting.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A run at least this long was not a crash loop: the next exit waits <see cref="FirstDelay"/> again.
    /// Short, because a service that fails at start-up exits within seconds, while one that is killed now and then
    /// (the consumer watchdog, an operator's kill) should come back as fast as the first time.</summary>
    public TimeSpan StableAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before a restart when <paramref name="exitsInARow"/> earlier runs each exited before
    /// <see cref="StableAfter"/>: <see cref="FirstDelay"/> doubled that many times, at most <see cref="MaxDelay"/>.</summary>
    public TimeSpan DelayBefore(int exitsInARow)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exitsInARow);
        var delay = FirstDelay;
        for (var exit = 0; exit < exitsInARow && delay < MaxDelay; exit++)
        {
            delay *= 2;
        }

        return delay < MaxDelay ? delay : MaxDelay;
    }
}
