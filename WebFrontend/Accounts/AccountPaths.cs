namespace Shop.WebFrontend.Accounts;

/// <summary>The account pages and endpoints, named once for the pages, the links, the rate limits and the cookie.</summary>
public static class AccountPaths
{
    public const string SignUp = "/account/signup";
    public const string SignIn = "/account/signin";
    public const string SignOut = "/account/signout";
    public const string Manage = "/account";
    public const string PasskeyCreationOptions = "/account/passkeys/creation-options";
    public const string PasskeyRequestOptions = "/account/passkeys/request-options";

    /// <summary>A local path to go back to after signing in, or the catalog: never another site (open redirect).</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
