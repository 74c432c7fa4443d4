using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shop.Ordering.Worker.Outbox;

namespace Shop.Ordering.Worker.Infrastructure.EntityConfigurations;

internal sealed class OutboxMessageEntityTypeConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.Property(m => m.Id).HasColumnName("id").ValueGeneratedOnAdd();
        builder.Property(m => m.MessageId).HasColumnName("message_id");
        builder.Property(m => m.Destination).HasColumnName("destination").HasMaxLength(200);
        builder.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(100);
        builder.Property(m => m.Body).HasColumnName("body").HasColumnType("jsonb");
        builder.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(100);
        builder.Property(m => m.CreatedAt).HasColumnName("created_at");
    }
}
