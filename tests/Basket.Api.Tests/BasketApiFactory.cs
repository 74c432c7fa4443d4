using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Shop.Basket.Api.Tests;

/// <summary>Basket.Api in-process, pointed at the given Redis.</summary>
public sealed class BasketApiFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("ConnectionStrings:cache", connectionString);
}
