namespace Shop.Ordering.Worker.Apis;

/// <summary>How many orders a claim moved to the bearer; 0 when they had moved already.</summary>
public sealed record ClaimResponse(int Claimed);
