using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Ordering.Worker.Model;

namespace Shop.Ordering.Worker.Infrastructure.EntityConfigurations;

internal sealed class OrderEntityTypeConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> builder)
    {
        builder.ToTable("orders");
        builder.Property(o => o.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(o => o.BuyerId).HasColumnName("buyer_id").HasMaxLength(200);
        builder.Property(o => o.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.CancelReason).HasColumnName("cancel_reason").HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.SubmittedAt).HasColumnName("submitted_at");
        builder.Property(o => o.UpdatedAt).HasColumnName("updated_at");
        builder.Property(o => o.Total).HasColumnName("total").HasPrecision(12, 2);
        builder.Property(o => o.CardToken).HasColumnName("card_token").HasMaxLength(100);
        builder.Property(o => o.CardLast4).HasColumnName("card_last4").HasMaxLength(4);
        builder.Property(o => o.PaymentId).HasColumnName("payment_id").HasMaxLength(100);
        builder.ComplexProperty(o => o.ShippingAddress, address =>
        {
            address.Property(a => a.FullName).HasColumnName("ship_full_name").HasMaxLength(200);
            address.Property(a => a.Street).HasColumnName("ship_street").HasMaxLength(200);
            address.Property(a => a.City).HasColumnName("ship_city").HasMaxLength(100);
            address.Property(a => a.PostalCode).HasColumnName("ship_postal_code").HasMaxLength(20);
            address.Property(a => a.Country).HasColumnName("ship_country").HasMaxLength(100);
        });
        builder.Ignore(o => o.Reason);
        builder.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
    }
}
