namespace Shop.PhotoProcessor.Processing;

/// <summary>What became of an upload: every size, or the reason it was refused.</summary>
public sealed record SizingOutcome(IReadOnlyList<EncodedSize> Sizes, string? RejectionReason)
{
    public static SizingOutcome Ready(IReadOnlyList<EncodedSize> sizes) => new(sizes, null);

    public static SizingOutcome Rejected(string reason) => new([], reason);
}

/// <summary>One width in one format, encoded.</summary>
public sealed record EncodedSize(int Width, string Extension, string ContentType, byte[] Content);
