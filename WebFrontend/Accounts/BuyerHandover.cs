using Shop.Security;
using Shop.WebFrontend.Identity;
using Shop.WebFrontend.Services;

namespace Shop.WebFrontend.Accounts;

/// <summary>Right after a sign-in: the anonymous buyer of this browser hands its basket and its orders to the account,
/// then the browser forgets the anonymous id. Both calls are idempotent, so a failure of either is only logged (the
/// sign-in stands) and the anonymous cookie is kept for the next sign-in to try again.</summary>
public sealed partial class BuyerHandover(
    BuyerCookie buyers, BuyerTokens tokens, BasketClient basket, OrderingClient ordering, ILogger<BuyerHandover> logger)
{
    /// <summary>Call it right after SignInManager signed the account in: that sets the request's user, so the buyer of
    /// this request is already the account.</summary>
    public async Task HandOverAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (buyers.ReadAnonymous(context) is not { } anonymousId || buyers.Read(context) is not { } accountId || anonymousId == accountId)
        {
            return;
        }

        try
        {
            var anonymousToken = tokens.Issue(anonymousId);
            await basket.MergeAsync(accountId, anonymousToken, cancellationToken);
            var claimed = await ordering.ClaimAsync(accountId, anonymousToken, cancellationToken);
            buyers.Forget(context);
            LogHandedOver(claimed);
        }
        catch (Exception ex) when (ServiceFailure.IsUnavailable(ex) || ex is InvalidOperationException)
        {
            LogHandoverFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The anonymous basket was merged into the account's and {Claimed} anonymous orders were claimed")]
    private partial void LogHandedOver(int claimed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The anonymous basket and orders could not be handed to the account; the next sign-in tries again")]
    private partial void LogHandoverFailed(Exception exception);
}
