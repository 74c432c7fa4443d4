namespace Shop.Ordering.Worker.Workflow;

/// <summary>An <c>OrderSubmitted</c> that no order can be recorded from: retrying cannot help, so it goes to the error queue.</summary>
public sealed class InvalidOrderException(string message) : Exception(message);
