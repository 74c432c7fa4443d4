using Microsoft.EntityFrameworkCore;
using Shop.Catalog.Api.Infrastructure.EntityConfigurations;
using Shop.Catalog.Api.Model;
using Shop.Catalog.Api.Search;

namespace Shop.Catalog.Api.Infrastructure;

/// <summary>The catalog's tables. The schema itself is owned by the SQL migrations (Schema/Migrations/catalogdb, applied
/// by the migrator), and the entity configurations map onto it.</summary>
public sealed class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options)
{
    public DbSet<Product> Products => Set<Product>();

    public DbSet<Brand> Brands => Set<Brand>();

    public DbSet<ProductType> ProductTypes => Set<ProductType>();

    public DbSet<PriceChangeOutboxMessage> PriceChanges => Set<PriceChangeOutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ProductEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new BrandEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ProductTypeEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new PriceChangeOutboxMessageEntityTypeConfiguration());
        CatalogSearchFunctions.Map(modelBuilder);
    }
}
