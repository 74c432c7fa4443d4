using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Shop.Ordering.Worker.Infrastructure;
using Shop.Ordering.Worker.Infrastructure.CompiledModel;

namespace Shop.Ordering.Worker.Tests;

/// <summary>The service runs on the compiled model, which nothing regenerates on its own: an entity or configuration
/// changed without rerunning <c>dotnet ef dbcontext optimize</c> would map onto the old columns.</summary>
public sealed class CompiledModelTests
{
    [Fact]
    public void The_compiled_model_maps_what_the_entity_configurations_map()
    {
        Assert.Equal(Mapping(Model(compiled: false)), Mapping(Model(compiled: true)));
    }

    private static IModel Model(bool compiled)
    {
        // No connection is opened: the model is all that is read.
        var options = new DbContextOptionsBuilder<OrderingContext>().UseNpgsql("Host=unused");
        if (compiled)
        {
            options.UseModel(OrderingContextModel.Instance);
        }

        using var context = new OrderingContext(options.Options);
        return context.Model;
    }

    private static List<string> Mapping(IModel model) =>
    [
        .. model.GetEntityTypes().SelectMany(entity => entity.GetProperties().Select(property =>
            $"{entity.GetTableName()}.{property.GetColumnName()} {property.ClrType.Name} {property.GetColumnType()} " +
            $"null={property.IsNullable} key={property.IsPrimaryKey()} generated={property.ValueGenerated} concurrency={property.IsConcurrencyToken}")),
    ];
}
