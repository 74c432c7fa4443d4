using Microsoft.EntityFrameworkCore;
using Shop.Ordering.Worker.Infrastructure.EntityConfigurations;
using Shop.Ordering.Worker.Model;
using Shop.Ordering.Worker.Outbox;

namespace Shop.Ordering.Worker.Infrastructure;

/// <summary>The ordering tables. The schema is owned by the SQL migrations (Schema/Migrations/orderingdb, applied by the
/// migrator); the configurations map onto it.</summary>
public sealed class OrderingContext(DbContextOptions<OrderingContext> options) : DbContext(options)
{
    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OrderEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new OrderLineEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxMessageEntityTypeConfiguration());
    }
}
