namespace Shop.WebFrontend.Endpoints;

/// <summary>What the order page's script needs to follow an order: <see cref="IsFinal"/> tells it to stop asking.</summary>
public sealed record OrderStatusResponse(string Status, string? Reason, DateTimeOffset UpdatedAt, bool CanCancel, bool IsFinal);
