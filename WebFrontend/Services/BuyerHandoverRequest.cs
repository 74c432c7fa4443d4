namespace Shop.WebFrontend.Services;

/// <summary>The body of a basket merge and an order claim: the anonymous buyer's token proves the caller holds that
/// buyer; the request's own buyer token names the account that receives.</summary>
public sealed record BuyerHandoverRequest(string FromBuyerToken);
