namespace Shop.Catalog.Api.Model;

/// <summary>A <c>ProductPriceChanged</c> event saved with the price change and published after the commit.
/// <see cref="MessageId"/> travels with the event, so a consumer can tell a republished copy from a new change.</summary>
public sealed class PriceChangeOutboxMessage
{
    public long Id { get; set; }

    public Guid MessageId { get; set; }

    public int ProductId { get; set; }

    public decimal OldPrice { get; set; }

    public decimal NewPrice { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
