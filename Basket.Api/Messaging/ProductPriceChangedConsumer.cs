using MassTransit;
using Shop.Basket.Api.Infrastructure;
using Shop.Contracts;

namespace Shop.Basket.Api.Messaging;

/// <summary>Keeps this replica's <see cref="CatalogCache"/> at the catalog's prices.</summary>
public sealed class ProductPriceChangedConsumer(CatalogCache cache) : IConsumer<ProductPriceChanged>
{
    public Task Consume(ConsumeContext<ProductPriceChanged> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        cache.Apply(context.Message);
        return Task.CompletedTask;
    }
}
