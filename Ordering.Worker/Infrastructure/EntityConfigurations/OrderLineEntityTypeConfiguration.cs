using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Ordering.Worker.Model;

namespace Shop.Ordering.Worker.Infrastructure.EntityConfigurations;

internal sealed class OrderLineEntityTypeConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.ToTable("order_lines");
        builder.HasKey(l => new { l.OrderId, l.LineNumber });
        builder.Property(l => l.OrderId).HasColumnName("order_id");
        builder.Property(l => l.LineNumber).HasColumnName("line_number");
        builder.Property(l => l.ProductId).HasColumnName("product_id");
        builder.Property(l => l.ProductName).HasColumnName("product_name").HasMaxLength(200);
        builder.Property(l => l.UnitPrice).HasColumnName("unit_price").HasPrecision(10, 2);
        builder.Property(l => l.Quantity).HasColumnName("quantity");
    }
}
