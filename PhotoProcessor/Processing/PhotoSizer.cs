using System.Buffers.Binary;
using System.Globalization;
using Shop.Contracts;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Shop.PhotoProcessor.Processing;

/// <summary>Turns an upload into the shop's sizes, or says why it cannot: an allowed format (JPEG, PNG, WebP) and at
/// most <see cref="PhotoStorage.MaxPixels"/>, both read from the header before anything is decoded, so a small file
/// that claims 100,000 × 100,000 pixels is refused without allocating them. Decoded photos lose their metadata (EXIF
/// with its location, XMP, IPTC) once their orientation is applied.</summary>
public static class PhotoSizer
{
    private static readonly IImageFormat[] _allowed = [JpegFormat.Instance, PngFormat.Instance, WebpFormat.Instance];
    private static readonly WebpEncoder _webp = new() { Quality = 80 };
    private static readonly JpegEncoder _jpeg = new() { Quality = 82 };

    public static SizingOutcome Size(byte[] upload)
    {
        if (upload.LongLength > PhotoStorage.MaxUploadBytes)
        {
            return SizingOutcome.Rejected(TooLarge(upload.LongLength));
        }

        if (Check(upload) is { } reason)
        {
            return SizingOutcome.Rejected(reason);
        }

        Image<Rgba32> image;
        try
        {
            image = Image.Load<Rgba32>(upload);
        }
        catch (Exception exception) when (exception is ImageFormatException or NotSupportedException or ArgumentException)
        {
            return SizingOutcome.Rejected($"The photo could not be decoded: {exception.Message}");
        }

        using (image)
        {
            image.Mutate(photo => photo.AutoOrient());
            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IptcProfile = null;
            image.Metadata.IccProfile = null;
            return SizingOutcome.Ready(Encode(image));
        }
    }

    public static string TooLarge(long bytes) => string.Create(CultureInfo.InvariantCulture,
        $"The photo is {bytes / 1024.0 / 1024.0:0.0} MB; at most {PhotoStorage.MaxUploadBytes / 1024 / 1024} MB is accepted.");

    /// <summary>The header alone: format and dimensions.</summary>
    private static string? Check(byte[] upload)
    {
        IImageInfo? info;
        IImageFormat? format;
        try
        {
            info = Image.Identify(upload, out format);
        }
        catch (Exception exception) when (exception is ImageFormatException or NotSupportedException)
        {
            return $"The photo's header could not be read: {exception.Message}";
        }

        if (info is null || format is null)
        {
            return "The file is not an image: only JPEG, PNG and WebP photos are accepted.";
        }

        if (!_allowed.Contains(format))
        {
            return $"The image is {format.Name}: only JPEG, PNG and WebP photos are accepted.";
        }

        if (!EndsWhole(upload, format))
        {
            return $"The photo could not be decoded: the {format.Name} file ends before its image does (truncated).";
        }

        if ((long)info.Width * info.Height > PhotoStorage.MaxPixels)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"The photo is {info.Width} × {info.Height} pixels; at most {PhotoStorage.MaxPixels / 1_000_000} megapixels are accepted.");
        }

        return null;
    }

    /// <summary>ImageSharp decodes a truncated photo without complaint (the missing rows come out grey), so the end of
    /// the file is checked: a JPEG's end-of-image marker, a PNG's IEND chunk, a WebP's RIFF length.</summary>
    private static bool EndsWhole(byte[] upload, IImageFormat format)
    {
        var end = upload.AsSpan().TrimEnd((byte)0);
        if (format == JpegFormat.Instance)
        {
            return end.EndsWith((ReadOnlySpan<byte>)[0xFF, 0xD9]);
        }

        if (format == PngFormat.Instance)
        {
            return end.Length >= 8 && end[^8..^4].SequenceEqual("IEND"u8);
        }

        return upload.Length >= 8 && BinaryPrimitives.ReadUInt32LittleEndian(upload.AsSpan(4)) + 8L <= upload.Length;
    }

    /// <summary>Each width from the largest down, each from the one before (cheaper than from the original); a photo
    /// narrower than a width keeps its own (never enlarged).</summary>
    private static List<EncodedSize> Encode(Image<Rgba32> original)
    {
        var sizes = new List<EncodedSize>();
        Image<Rgba32> source = original;
        foreach (var width in PhotoSizes.Widths.OrderDescending())
        {
            var resized = source.Clone(photo => photo.Resize(Math.Min(width, source.Width), 0));
            if (source != original)
            {
                source.Dispose();
            }

            sizes.Add(new EncodedSize(width, "webp", "image/webp", Save(resized, _webp)));
            sizes.Add(new EncodedSize(width, "jpg", "image/jpeg", Save(resized, _jpeg)));
            source = resized;
        }

        source.Dispose();
        return sizes;
    }

    private static byte[] Save(Image image, IImageEncoder encoder)
    {
        using var stream = new MemoryStream();
        image.Save(stream, encoder);
        return stream.ToArray();
    }
}
