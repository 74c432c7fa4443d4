using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Shop.Contracts;

namespace Shop.WebFrontend.Accounts;

public static class AccountsExtensions
{
    /// <summary>Shopper accounts: Identity on the <c>identitydb</c> database with passkeys (schema version 3), the
    /// account cookie, lockout, the password rules and the per-client limits on signing in and up.</summary>
    public static TBuilder AddAccounts<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Aspire's client integration: a pooled context whose connection string is checked when the first account page
        // needs the database, not at start (the shop's other pages work without it). Npgsql's traces and metrics only
        // when they are exported: otherwise they would start OpenTelemetry in a frontend that exports nothing. No health
        // check, as the frontend stays healthy without the services behind it.
        builder.AddNpgsqlDbContext<AccountsDbContext>(ResourceNames.IdentityDatabase, settings =>
        {
            settings.DisableHealthChecks = true;
            settings.DisableRetry = true;
            settings.DisableTracing = settings.DisableMetrics = !builder.ExportsTelemetry();
        });

        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.AddIdentityCore<IdentityUser>(ConfigureIdentity)
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager()
            .AddPasswordValidator<CommonPasswordValidator>();

        var secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "shop.account";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = secure;
            cookie.ExpireTimeSpan = AccountRules.SessionLifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = AccountPaths.SignIn;
        });
        // Identity keeps a passkey ceremony's state in this short-lived cookie between the options and the answer.
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = secure;
        });

        builder.Services.AddScoped<BuyerHandover>();
        builder.Services.AddOptions<AccountRateLimits>().BindConfiguration(AccountRateLimits.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A policy on the limited endpoints rather than a global limiter: every other request only has its endpoint's
            // metadata looked at, instead of a partition looked up and a lease taken.
            limiter.AddPolicy(AccountRateLimits.Policy, context =>
                context.RequestServices.GetRequiredService<IOptions<AccountRateLimits>>().Value.PartitionFor(context));
            // No body: the status page explains it in the shop's layout (UseStatusCodePagesWithReExecute).
            limiter.OnRejected = static (rejected, _) =>
            {
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    private static void ConfigureIdentity(IdentityOptions options)
    {
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
        options.User.RequireUniqueEmail = true;
        // No mail can be sent here, so no address can be confirmed (the README names it as the next step).
        options.SignIn.RequireConfirmedAccount = false;
        options.Password.RequiredLength = AccountRules.MinimumPasswordLength;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = AccountRules.MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = AccountRules.LockoutTime;
    }
}
