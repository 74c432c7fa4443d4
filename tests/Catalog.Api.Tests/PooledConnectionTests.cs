using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shop.Catalog.Api.Infrastructure;
using Shop.Catalog.Api.Model;

namespace Shop.Catalog.Api.Tests;

/// <summary>A statement PostgreSQL refuses must not break the next request on the same pooled connection.</summary>
[Collection(CatalogServers.Name)]
public sealed class PooledConnectionTests(CatalogServersFixture servers)
{
    [Fact]
    public async Task A_statement_refused_while_being_auto_prepared_does_not_break_the_next_use_of_its_connection()
    {
        // One connection, so every statement below runs on it; Npgsql auto-prepares a statement on its fifth use.
        await using var app = CatalogApp.Start(
            await servers.CreateMigratedDatabaseAsync() + ";Maximum Pool Size=1", await servers.CreateVirtualHostAsync());
        var before = await app.ScalarAsync<long>("SELECT count(*) FROM products");
        for (var i = 0; i < 4; i++)
        {
            using var created = await app.Operator.PostAsJsonAsync("/api/catalog/items", Item($"Kettle {i}"));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        // The fifth insert, past the API's validation: PostgreSQL accepts its Parse and refuses its Bind (22021).
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var context = scope.ServiceProvider.GetRequiredService<CatalogContext>();
            context.Products.Add(new Product { Name = "Kettle\0", Description = "", Price = 10m, BrandId = 1, TypeId = 6, AvailableStock = 1 });
            await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync());
        }

        using var next = await app.Operator.PostAsJsonAsync("/api/catalog/items", Item("Kettle after"));

        Assert.Equal(HttpStatusCode.Created, next.StatusCode);
        Assert.Equal(before + 5, await app.ScalarAsync<long>("SELECT count(*) FROM products"));
    }

    private static object Item(string name) => new { name, description = "", price = 10m, brandId = 1, typeId = 6, availableStock = 1 };
}
