namespace Shop.WebFrontend.Services;

/// <summary>Ordering's answer to a claim: how many orders became the account's.</summary>
public sealed record ClaimedOrders(int Claimed);
