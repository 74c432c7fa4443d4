using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Shop.WebFrontend.Identity;

/// <summary>The one place that decides whose basket and orders a request sees. A signed-in shopper is their account:
/// the buyer id is the account's user id, on every device. An anonymous shopper is a random buyer id kept in a
/// data-protected cookie (encrypted and signed, so it can be neither read nor forged), HttpOnly, SameSite=Lax, and
/// Secure outside Development. A cookie that does not unprotect (tampered, or its key is gone) counts as no buyer: the
/// next change to the basket starts a new one. Signing in hands the anonymous buyer's basket and orders over to the
/// account (<see cref="Accounts.BuyerHandover"/>), which then forgets the anonymous id.</summary>
public sealed class BuyerCookie(IDataProtectionProvider dataProtection, IHostEnvironment environment, TimeProvider time)
{
    public const string Name = "shop.buyer";

    /// <summary>Longer than a basket lives (30 days after its last change), so a returning shopper finds theirs.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private static readonly object _itemKey = new();

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Shop.WebFrontend.BuyerCookie.v1");

    /// <summary>The buyer of this request: the account when signed in, else the anonymous buyer, or null for an anonymous
    /// shopper who has not put anything in a basket yet.</summary>
    public string? Read(HttpContext context) => AccountId(context) ?? ReadAnonymous(context);

    /// <summary>The anonymous buyer id of this browser, whether or not it is signed in.</summary>
    public string? ReadAnonymous(HttpContext context)
    {
        if (context.Items.TryGetValue(_itemKey, out var issued) && issued is string buyerId)
        {
            return buyerId;
        }

        if (!context.Request.Cookies.TryGetValue(Name, out var protectedValue) || string.IsNullOrEmpty(protectedValue))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(protectedValue);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The buyer of this request, issuing a new buyer id (and its cookie) when there is none. Call it before the
    /// response starts, i.e. from a form handler.</summary>
    public string GetOrCreate(HttpContext context)
    {
        if (Read(context) is { } existing)
        {
            return existing;
        }

        var buyerId = Guid.NewGuid().ToString("N");
        context.Response.Cookies.Append(Name, _protector.Protect(buyerId), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = !environment.IsDevelopment(),
            IsEssential = true,
            Path = "/",
            Expires = time.GetUtcNow() + Lifetime,
        });
        context.Items[_itemKey] = buyerId;
        return buyerId;
    }

    /// <summary>Drops the anonymous buyer id once its basket and orders belong to the account.</summary>
    public void Forget(HttpContext context)
    {
        context.Response.Cookies.Delete(Name, new CookieOptions { Path = "/", Secure = !environment.IsDevelopment(), SameSite = SameSiteMode.Lax });
        context.Items.Remove(_itemKey);
    }

    private static string? AccountId(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
