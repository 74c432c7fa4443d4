using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;


namespace Shop.Security;

public static class SecurityExtensions
{
    /// <summary>Buyer tokens for an API that serves shoppers (policy <see cref="ShopAuth.BuyerPolicy"/>), or for
    /// the frontend that issues them (<see cref="BuyerTokens.Issue"/>). Needs <c>BuyerTokens:Key</c>.</summary>
    public static TBuilder AddBuyerTokens<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<BuyerTokenOptions>().BindConfiguration(BuyerTokenOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<BuyerTokens>();
        builder.Services.AddSingleton(TimeProvider.System);
        AddScheme<BuyerTokenHandler>(builder, ShopAuth.BuyerScheme);
        builder.Services.AddAuthorizationBuilder().AddPolicy(ShopAuth.BuyerPolicy, policy => policy
            .AddAuthenticationSchemes(ShopAuth.BuyerScheme)
            .RequireAuthenticatedUser());
        return builder;
    }

    /// <summary>The operator credential for an API with operator actions (policy <see cref="ShopAuth.OperatorPolicy"/>).
    /// Needs <c>Operator:Key</c>.</summary>
    public static TBuilder AddOperatorKey<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOptions<OperatorOptions>().BindConfiguration(OperatorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        AddScheme<OperatorKeyHandler>(builder, ShopAuth.OperatorScheme);
        builder.Services.AddAuthorizationBuilder().AddPolicy(ShopAuth.OperatorPolicy, policy => policy
            .AddAuthenticationSchemes(ShopAuth.OperatorScheme)
            .RequireClaim(ShopAuth.OperatorClaim, "true"));
        return builder;
    }

    /// <summary>Authentication without <c>AddAuthentication()</c>'s Data Protection: neither scheme encrypts anything,
    /// and Data Protection loads (or creates) its key ring at start-up, which costs every cold start about 80 ms and
    /// a few MB. WebFrontend adds Data Protection itself, for its cookie.</summary>
    private static void AddScheme<THandler>(IHostApplicationBuilder builder, string scheme)
        where THandler : AuthenticationHandler<AuthenticationSchemeOptions>
    {
        builder.Services.AddAuthenticationCore();
        builder.Services.AddWebEncoders();
        new AuthenticationBuilder(builder.Services).AddScheme<AuthenticationSchemeOptions, THandler>(scheme, configureOptions: null);
    }
}
