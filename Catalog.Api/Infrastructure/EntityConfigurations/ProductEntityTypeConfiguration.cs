using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using Shop.Catalog.Api.Model;

namespace Shop.Catalog.Api.Infrastructure.EntityConfigurations;

internal sealed class ProductEntityTypeConfiguration : IEntityTypeConfiguration<Product>
{
    /// <summary>The generated column that full-text search matches and ranks; a shadow property, because only queries
    /// need it.</summary>
    public const string SearchVector = nameof(SearchVector);

    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products");
        builder.Property(p => p.Id).HasColumnName("id");
        builder.Property(p => p.Name).HasColumnName("name").HasMaxLength(100);
        builder.Property(p => p.Description).HasColumnName("description").HasMaxLength(2000);
        builder.Property(p => p.Price).HasColumnName("price").HasPrecision(10, 2);
        builder.Property(p => p.AvailableStock).HasColumnName("available_stock");
        builder.Property(p => p.BrandId).HasColumnName("brand_id");
        builder.Property(p => p.TypeId).HasColumnName("type_id");
        builder.Property(p => p.PhotoVersion).HasColumnName("photo_version");
        builder.Property(p => p.PhotoUploadId).HasColumnName("photo_upload_id");
        builder.Property(p => p.PhotoStatus).HasColumnName("photo_status");
        builder.Property(p => p.PhotoRejection).HasColumnName("photo_rejection");
        builder.HasOne(p => p.Brand).WithMany().HasForeignKey(p => p.BrandId);
        builder.HasOne(p => p.Type).WithMany().HasForeignKey(p => p.TypeId);

        // Computed by the database (see 0001_catalog.sql): EF never writes it.
        builder.Property<NpgsqlTsVector>(SearchVector).HasColumnName("search_vector").ValueGeneratedOnAddOrUpdate();
    }
}
