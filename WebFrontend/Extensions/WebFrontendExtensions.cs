using Microsoft.AspNetCore.DataProtection;
using Shop.Contracts;
using Shop.Security;
using Shop.WebFrontend.Accounts;
using Shop.WebFrontend.Identity;
using Shop.WebFrontend.Services;

namespace Shop.WebFrontend.Extensions;

public static class WebFrontendExtensions
{
    /// <summary>Configuration key of the folder that keeps the data-protection key ring (the keys behind the buyer, account
    /// and antiforgery cookies). Unset: the framework's default place, the user profile.</summary>
    public const string KeysFolderKey = "DataProtection:KeysFolder";

    public static TBuilder AddWebFrontend<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery();
        builder.AddBuyerTokens();
        builder.AddKeyRing();
        builder.AddAccounts();

        builder.Services.AddSingleton<BuyerCookie>();
        builder.Services.AddScoped<BasketSummary>();
        builder.Services.AddTransient<BuyerTokenHandler>();
        // Resolved by the photo endpoint only: a frontend without photo storage serves everything else.
        builder.Services.AddStorageClients(ResourceNames.Storage);
        builder.Services.AddHttpClient<CatalogClient>(client => client.BaseAddress = CatalogClient.BaseAddress);
        builder.Services.AddHttpClient<BasketClient>(client => client.BaseAddress = BasketClient.BaseAddress)
            .AddHttpMessageHandler<BuyerTokenHandler>();
        builder.Services.AddHttpClient<OrderingClient>(client => client.BaseAddress = OrderingClient.BaseAddress)
            .AddHttpMessageHandler<BuyerTokenHandler>();
        return builder;
    }

    /// <summary>One key ring for every replica and restart, so a shopper's cookies stay readable: a shared application
    /// name, and the keys in the configured folder when there is one.</summary>
    private static void AddKeyRing(this IHostApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("shop-webfrontend");
        if (builder.Configuration[KeysFolderKey] is { Length: > 0 } folder)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }
    }
}
