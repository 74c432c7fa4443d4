namespace Shop.WebFrontend.Identity;

public static class BuyerRequestExtensions
{
    /// <summary>Marks the request as made for <paramref name="buyerId"/>; <see cref="BuyerTokenHandler"/> signs it.</summary>
    public static HttpRequestMessage ForBuyer(this HttpRequestMessage request, string buyerId)
    {
        request.Options.Set(BuyerTokenHandler.BuyerIdOption, buyerId);
        return request;
    }
}
