namespace Shop.Ordering.Worker.Model;

/// <summary>What asking an order to change did.</summary>
public enum Transition
{
    /// <summary>The status changed.</summary>
    Applied,

    /// <summary>The order already was where the change leads (the same request, repeated): nothing changed.</summary>
    AlreadyDone,

    /// <summary>The workflow does not allow it from the order's status: nothing changed.</summary>
    Refused,
}
