using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Shop.Catalog.Api.Tests;

/// <summary>Catalog.Api in-process, on the given database and broker virtual host.</summary>
public sealed class CatalogApiFactory(string databaseConnectionString, string messagingConnectionString) : WebApplicationFactory<Program>
{
    public const string OperatorKey = "test-operator-key-0123456789";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:catalogdb", databaseConnectionString);
        builder.UseSetting("ConnectionStrings:messaging", messagingConnectionString);
        builder.UseSetting("Operator:Key", OperatorKey);
    }
}
