using System.Buffers.Binary;
using System.Text;

namespace Shop.PhotoProcessor.Tests;

/// <summary>An EXIF block a camera might write (orientation, the photographer's name, a GPS position), put into a JPEG,
/// PNG or WebP the way each format keeps it. Skia's encoders write no metadata, so the test photos get it here.</summary>
public static class TestExif
{
    /// <summary>Found in a file only if its EXIF was kept.</summary>
    public const string Artist = "Photographer at home";

    public static byte[] Embed(string format, byte[] photo, int width, int height, ushort orientation) => format switch
    {
        "jpeg" => IntoJpeg(photo, Tiff(orientation)),
        "png" => IntoPng(photo, Tiff(orientation)),
        "webp" => IntoWebp(photo, Tiff(orientation), width, height),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "jpeg, png or webp"),
    };

    /// <summary>Little-endian TIFF: IFD0 with Orientation, Artist and a pointer to a GPS IFD holding GPSLatitudeRef.</summary>
    private static byte[] Tiff(ushort orientation)
    {
        var artist = Encoding.ASCII.GetBytes(Artist + "\0");
        const int ifd0 = 8, artistAt = ifd0 + 2 + (3 * 12) + 4;
        var gpsAt = artistAt + artist.Length + (artist.Length % 2);
        var tiff = new byte[gpsAt + 2 + 12 + 4];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), ifd0);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(ifd0), 3);
        Entry(tiff, ifd0 + 2, 0x0112, 3, 1, orientation);
        Entry(tiff, ifd0 + 14, 0x013B, 2, (uint)artist.Length, artistAt);
        Entry(tiff, ifd0 + 26, 0x8825, 4, 1, (uint)gpsAt);
        artist.CopyTo(tiff, artistAt);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(gpsAt), 1);
        Entry(tiff, gpsAt + 2, 0x0001, 2, 2, 'N');
        return tiff;
    }

    private static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(at + 8), value);
    }

    /// <summary>An APP1 segment right after the start-of-image marker.</summary>
    private static byte[] IntoJpeg(byte[] jpeg, byte[] tiff)
    {
        var segment = new byte[4 + 6 + tiff.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(segment.Length - 2));
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment, 10);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    /// <summary>An eXIf chunk right after IHDR (8-byte signature, then IHDR's 25 bytes).</summary>
    private static byte[] IntoPng(byte[] png, byte[] tiff) =>
        [.. png[..33], .. TestPhotos.Chunk("eXIf", tiff), .. png[33..]];

    /// <summary>A simple WebP (one VP8 chunk) becomes an extended one: a VP8X header flagging EXIF, then an EXIF chunk.</summary>
    private static byte[] IntoWebp(byte[] webp, byte[] tiff, int width, int height)
    {
        var vp8x = new byte[8 + 10];
        "VP8X"u8.CopyTo(vp8x);
        BinaryPrimitives.WriteUInt32LittleEndian(vp8x.AsSpan(4), 10);
        vp8x[8] = 0x08;
        WriteUInt24(vp8x.AsSpan(12), width - 1);
        WriteUInt24(vp8x.AsSpan(15), height - 1);
        var exif = new byte[8 + tiff.Length + (tiff.Length % 2)];
        "EXIF"u8.CopyTo(exif);
        BinaryPrimitives.WriteUInt32LittleEndian(exif.AsSpan(4), (uint)tiff.Length);
        tiff.CopyTo(exif, 8);
        byte[] file = [.. webp[..12], .. vp8x, .. webp[12..], .. exif];
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(file.Length - 8));
        return file;
    }

    private static void WriteUInt24(Span<byte> span, int value)
    {
        span[0] = (byte)value;
        span[1] = (byte)(value >> 8);
        span[2] = (byte)(value >> 16);
    }
}
