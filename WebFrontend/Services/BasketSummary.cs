namespace Shop.WebFrontend.Services;

/// <summary>The shopper's basket, read once per request: the header's badge and the page that shows the basket
/// (rendered side by side) share one call to Basket.Api.</summary>
public sealed class BasketSummary(BasketClient basket, ILogger<BasketSummary> logger)
{
    private Task<CustomerBasket?>? _current;

    /// <summary>The basket, or null when Basket.Api cannot answer; a shopper without a buyer id has an empty one.</summary>
    public Task<CustomerBasket?> GetAsync(string? buyerId, CancellationToken cancellationToken) =>
        buyerId is null ? Task.FromResult<CustomerBasket?>(CustomerBasket.Empty) : _current ??= ReadAsync(buyerId, cancellationToken);

    private async Task<CustomerBasket?> ReadAsync(string buyerId, CancellationToken cancellationToken)
    {
        try
        {
            return await basket.GetAsync(buyerId, cancellationToken);
        }
        catch (Exception ex) when (ServiceFailure.IsUnavailable(ex))
        {
            logger.LogWarning(ex, "The basket could not be read");
            return null;
        }
    }
}
