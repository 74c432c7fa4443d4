namespace Shop.Catalog.Api.Photos;

/// <summary>The states of a product's latest photo upload (<c>products.photo_status</c>).</summary>
public static class PhotoStatus
{
    public const string Processing = "processing";
    public const string Ready = "ready";
    public const string Rejected = "rejected";

    /// <summary><c>products.photo_rejection</c> keeps this much of a reason.</summary>
    public const int MaxReasonLength = 500;
}
