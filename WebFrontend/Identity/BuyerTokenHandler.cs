using System.Net.Http.Headers;
using Shop.Security;

namespace Shop.WebFrontend.Identity;

/// <summary>Signs the calls made on a buyer's behalf: a request marked with <see cref="ForBuyer"/> gets a freshly
/// issued, short-lived buyer token as <c>Authorization: Bearer</c>. It runs inside the retry handler, so each attempt
/// carries a token that has not expired.</summary>
public sealed class BuyerTokenHandler(BuyerTokens tokens) : DelegatingHandler
{
    internal static readonly HttpRequestOptionsKey<string> BuyerIdOption = new("Shop.BuyerId");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(BuyerIdOption, out var buyerId))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue(buyerId));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
