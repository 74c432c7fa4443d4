using System.Globalization;
using Shop.Contracts;
using SkiaSharp;

namespace Shop.PhotoProcessor.Processing;

/// <summary>Turns an upload into the shop's sizes, or says why it cannot: an allowed format (JPEG, PNG, WebP) and at
/// most <see cref="PhotoStorage.MaxPixels"/>, both read from the header before anything is decoded, so a small file
/// that claims 100,000 × 100,000 pixels is refused without allocating them. The sizes are re-encoded from pixels
/// alone, so they carry none of the upload's metadata (EXIF with its location, XMP, IPTC, ICC); its orientation is
/// applied first.</summary>
public static class PhotoSizer
{
    private static readonly SKEncodedImageFormat[] _allowed =
        [SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Webp];

    private static readonly SKSamplingOptions _resampling = new(SKCubicResampler.Mitchell);

    public static SizingOutcome Size(byte[] upload)
    {
        if (upload.LongLength > PhotoStorage.MaxUploadBytes)
        {
            return SizingOutcome.Rejected(TooLarge(upload.LongLength));
        }

        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        if (Check(codec) is { } reason)
        {
            return SizingOutcome.Rejected(reason);
        }

        var decoded = Decode(codec!, out var result);
        if (decoded is null)
        {
            return SizingOutcome.Rejected(result == SKCodecResult.IncompleteInput
                ? $"The photo could not be decoded: the {Name(codec!)} file ends before its image does (truncated)."
                : $"The photo could not be decoded: {result}.");
        }

        using var upright = PhotoOrientation.Upright(decoded, codec!.EncodedOrigin);
        return SizingOutcome.Ready(Encode(upright));
    }

    public static string TooLarge(long bytes) => string.Create(CultureInfo.InvariantCulture,
        $"The photo is {bytes / 1024.0 / 1024.0:0.0} MB; at most {PhotoStorage.MaxUploadBytes / 1024 / 1024} MB is accepted.");

    /// <summary>The header alone: format and dimensions.</summary>
    private static string? Check(SKCodec? codec)
    {
        if (codec is null)
        {
            return "The file is not an image: only JPEG, PNG and WebP photos are accepted.";
        }

        if (!_allowed.Contains(codec.EncodedFormat))
        {
            return $"The image is {Name(codec)}: only JPEG, PNG and WebP photos are accepted.";
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if ((long)width * height > PhotoStorage.MaxPixels)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"The photo is {width} × {height} pixels; at most {PhotoStorage.MaxPixels / 1_000_000} megapixels are accepted.");
        }

        return null;
    }

    /// <summary>Decodes at the smallest size the codec offers (JPEG in eighths, WebP any) that still covers the
    /// largest width once upright, so a 24-megapixel photo never takes 96 MB; sRGB, with any ICC profile applied.
    /// Anything short of a whole decode is refused: a truncated file reports IncompleteInput.</summary>
    private static SKBitmap? Decode(SKCodec codec, out SKCodecResult result)
    {
        var info = codec.Info;
        var turned = PhotoOrientation.SwapsSides(codec.EncodedOrigin);
        var uprightWidth = turned ? info.Height : info.Width;
        var wanted = Math.Min(PhotoSizes.Widths.Max(), uprightWidth);
        var scaled = codec.GetScaledDimensions((float)wanted / uprightWidth);
        if ((turned ? scaled.Height : scaled.Width) < wanted)
        {
            scaled = info.Size;
        }

        var alpha = info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var target = new SKImageInfo(scaled.Width, scaled.Height, SKImageInfo.PlatformColorType, alpha,
            SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(target);
        result = codec.GetPixels(target, bitmap.GetPixels());
        if (result == SKCodecResult.Success)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    /// <summary>Each width from the largest down, each from the one before (cheaper than from the original); a photo
    /// narrower than a width keeps its own (never enlarged).</summary>
    private static List<EncodedSize> Encode(SKBitmap original)
    {
        var sizes = new List<EncodedSize>();
        var source = original;
        foreach (var width in PhotoSizes.Widths.OrderDescending())
        {
            var resized = Resize(source, Math.Min(width, source.Width));
            if (source != original)
            {
                source.Dispose();
            }

            sizes.Add(new EncodedSize(width, "webp", "image/webp", Save(resized, SKEncodedImageFormat.Webp, 80)));
            sizes.Add(new EncodedSize(width, "jpg", "image/jpeg", Save(resized, SKEncodedImageFormat.Jpeg, 82)));
            source = resized;
        }

        if (source != original)
        {
            source.Dispose();
        }

        return sizes;
    }

    /// <summary>Into a bitmap without a colour space, so the encoders write no ICC profile (the pixels are already
    /// sRGB).</summary>
    private static SKBitmap Resize(SKBitmap source, int width)
    {
        var height = Math.Max(1, (int)Math.Round((double)source.Height * width / source.Width));
        var resized = new SKBitmap(new SKImageInfo(width, height, source.ColorType, source.AlphaType));
        using var from = source.PeekPixels();
        using var to = resized.PeekPixels();
        from.ScalePixels(to, _resampling);
        return resized;
    }

    private static byte[] Save(SKBitmap image, SKEncodedImageFormat format, int quality)
    {
        using var encoded = image.Encode(format, quality);
        return encoded.ToArray();
    }

    private static string Name(SKCodec codec) => codec.EncodedFormat.ToString().ToUpperInvariant();
}
