using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Shop.Contracts;

namespace Shop.Basket.Api.Infrastructure;

/// <summary>The names and prices the basket shows, per replica: a product is read from the catalog once (one call for all
/// of a basket's missing products), kept for <see cref="CatalogCacheOptions.Expiry"/>, and its price follows the
/// catalog's <see cref="ProductPriceChanged"/> events meanwhile. Only for showing the basket: checkout and changes to a
/// line ask <see cref="CatalogClient"/> itself, so no order is priced from here.</summary>
public sealed class CatalogCache(IOptions<CatalogCacheOptions> options, TimeProvider time) : IDisposable
{
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = options.Value.MaxProducts });

    // Serialises what writes entries, so that an event is either applied to the entry or seen by the fill that would
    // otherwise overwrite it with what the catalog said before the change. Reads take no lock.
    private readonly Lock _writes = new();
    private long _priceChanges;

    /// <summary>The items that exist among <paramref name="productIds"/>, by id, asking <paramref name="catalog"/> (the
    /// request's typed client, which the factory rotates) for those not cached. Throws
    /// <see cref="CatalogUnavailableException"/> only when some product is not cached and the catalog cannot answer.</summary>
    public async Task<IReadOnlyDictionary<int, CatalogItem>> GetItemsAsync(
        IReadOnlyCollection<int> productIds, CatalogClient catalog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(productIds);
        ArgumentNullException.ThrowIfNull(catalog);
        var found = new Dictionary<int, CatalogItem>(productIds.Count);
        List<int>? missing = null;
        foreach (var id in productIds)
        {
            if (_entries.TryGetValue(id, out Entry? entry))
            {
                if (entry!.Item is { } item)
                {
                    found[id] = item;
                }
            }
            else
            {
                (missing ??= []).Add(id);
            }
        }

        if (missing is null)
        {
            return found;
        }

        var changesBefore = Interlocked.Read(ref _priceChanges);
        var readAt = time.GetUtcNow();
        var fetched = await catalog.GetItemsAsync(missing, cancellationToken);
        lock (_writes)
        {
            // A price event that arrived during the call found no entry to update and may be newer than the answer: keep
            // nothing from this answer, and the next read asks again.
            if (_priceChanges == changesBefore)
            {
                foreach (var id in missing)
                {
                    // A product the catalog no longer has is kept too (ids are not reused), so that a line left in a
                    // basket does not send every read to the catalog.
                    Store(id, new Entry(fetched.GetValueOrDefault(id), readAt, readAt + options.Value.Expiry));
                }
            }
        }

        foreach (var (id, item) in fetched)
        {
            found[id] = item;
        }

        return found;
    }

    /// <summary>Updates a cached product's price. An event older than what the entry holds (a redelivery, or a change the
    /// catalog read already showed) changes nothing; an uncached product is read when a basket next shows it.</summary>
    public void Apply(ProductPriceChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_writes)
        {
            Interlocked.Increment(ref _priceChanges);
            if (_entries.TryGetValue(change.ProductId, out Entry? entry) && entry!.Item is { } item && change.ChangedAt >= entry.AsOf)
            {
                // The entry keeps its expiry: the event brings no name, and the expiry is what bounds a stale name.
                Store(change.ProductId, entry with { Item = item with { Price = change.NewPrice }, AsOf = change.ChangedAt });
            }
        }
    }

    public void Dispose() => _entries.Dispose();

    private void Store(int productId, Entry entry) =>
        _entries.Set(productId, entry, new MemoryCacheEntryOptions { AbsoluteExpiration = entry.ExpiresAt, Size = 1 });

    /// <summary><see cref="Item"/> is null for a product the catalog does not have; <see cref="AsOf"/> is when the catalog
    /// was read or the applied change was made.</summary>
    private sealed record Entry(CatalogItem? Item, DateTimeOffset AsOf, DateTimeOffset ExpiresAt);
}
