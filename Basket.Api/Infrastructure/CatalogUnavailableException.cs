namespace Shop.Basket.Api.Infrastructure;

/// <summary>Catalog.Api could not be asked for prices (down, timing out, or answering with an error).</summary>
public sealed class CatalogUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
