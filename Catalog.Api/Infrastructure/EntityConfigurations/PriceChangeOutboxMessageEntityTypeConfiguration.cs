using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Catalog.Api.Model;

namespace Shop.Catalog.Api.Infrastructure.EntityConfigurations;

internal sealed class PriceChangeOutboxMessageEntityTypeConfiguration : IEntityTypeConfiguration<PriceChangeOutboxMessage>
{
    public void Configure(EntityTypeBuilder<PriceChangeOutboxMessage> builder)
    {
        builder.ToTable("price_change_outbox");
        builder.Property(m => m.Id).HasColumnName("id").UseIdentityAlwaysColumn();
        builder.Property(m => m.MessageId).HasColumnName("message_id");
        builder.Property(m => m.ProductId).HasColumnName("product_id");
        builder.Property(m => m.OldPrice).HasColumnName("old_price").HasPrecision(10, 2);
        builder.Property(m => m.NewPrice).HasColumnName("new_price").HasPrecision(10, 2);
        builder.Property(m => m.ChangedAt).HasColumnName("changed_at");
    }
}
