using Shop.WebFrontend.Services;

namespace Shop.WebFrontend.Extensions;

public static class WebFrontendExtensions
{
    public static TBuilder AddWebFrontend<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddHttpClient<CatalogClient>(client => client.BaseAddress = CatalogClient.BaseAddress);
        return builder;
    }
}
