using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Shop.WebFrontend.Accounts;

/// <summary>The account actions that are not pages: signing out, and the WebAuthn options a passkey ceremony starts
/// from (fetched by wwwroot/js/passkeys.js, which posts the page's form so the antiforgery token comes along).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var antiforgery = new RequireAntiforgeryTokenAttribute();
        app.MapPost(AccountPaths.SignOut, SignOutAsync).WithMetadata(antiforgery);
        app.MapPost(AccountPaths.PasskeyCreationOptions, CreationOptionsAsync).WithMetadata(antiforgery);
        app.MapPost(AccountPaths.PasskeyRequestOptions, RequestOptionsAsync).WithMetadata(antiforgery).RequireRateLimiting(AccountRateLimits.Policy);
        return app;
    }

    private static async Task<RedirectHttpResult> SignOutAsync(SignInManager<IdentityUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/");
    }

    /// <summary>Options to create a passkey for the signed-in account; the state of the ceremony goes into a short-lived
    /// cookie that <c>PerformPasskeyAttestationAsync</c> reads back.</summary>
    private static async Task<Results<ContentHttpResult, UnauthorizedHttpResult>> CreationOptionsAsync(
        HttpContext context, UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn)
    {
        if (await users.GetUserAsync(context.User) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var email = await users.GetEmailAsync(user) ?? await users.GetUserNameAsync(user) ?? user.Id;
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = email, DisplayName = email });
        return TypedResults.Content(options, "application/json");
    }

    /// <summary>Options to sign in with any passkey of this shop (a discoverable credential names its account).</summary>
    private static async Task<ContentHttpResult> RequestOptionsAsync(SignInManager<IdentityUser> signIn) =>
        TypedResults.Content(await signIn.MakePasskeyRequestOptionsAsync(user: null), "application/json");
}
