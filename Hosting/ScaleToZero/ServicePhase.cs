namespace Shop.Hosting.ScaleToZero;

/// <summary>Where a service that scales to zero stands, as far as this mode is concerned.</summary>
internal enum ServicePhase
{
    /// <summary>Started (by the app host, a wake or an operator): requests go through.</summary>
    Running,

    /// <summary>Being stopped for being idle: requests wait, then wake it again.</summary>
    Stopping,

    /// <summary>Stopped for being idle: the first request or waiting message wakes it.</summary>
    AtZero,

    /// <summary>Being started by a request or a message; everything arriving meanwhile waits for the same wake.</summary>
    Waking,

    /// <summary>Stopped by an operator: nothing wakes it until someone starts it.</summary>
    HeldDown,
}
