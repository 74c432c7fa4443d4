using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using SkiaSharp;

namespace Shop.PhotoProcessor.Tests;

/// <summary>Photos made here, good and bad: real encoders for the good ones, hand-built headers for the lies.</summary>
public static class TestPhotos
{
    public static readonly TheoryData<string> AllowedFormats = ["jpeg", "png", "webp"];

    /// <summary>A noisy photo (noise does not compress, so sizes are realistic) with EXIF: the photographer's name, a
    /// GPS position and the orientation given (1: as stored; 6: to be turned a quarter clockwise).</summary>
    public static byte[] Photo(string format, int width = 1600, int height = 1000, ushort orientation = 1)
    {
        var random = new Random(width * 31 + height);
        var pixels = new byte[width * height * 4];
        for (var i = 0; i < pixels.Length; i += 4)
        {
            pixels[i] = (byte)random.Next(256);
            pixels[i + 1] = (byte)(i / 4 / width % 256);
            pixels[i + 2] = 128;
            pixels[i + 3] = 255;
        }

        using var image = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        Marshal.Copy(pixels, 0, image.GetPixels(), pixels.Length);
        using var encoded = image.Encode(Format(format), 90);
        return TestExif.Embed(format, encoded.ToArray(), width, height, orientation);
    }

    /// <summary>The bad upload a row of <see cref="PhotoSizerTests.BadUploads"/> names.</summary>
    public static byte[] BadUpload(string name) => name switch
    {
        "text named .jpg" => TextNamedJpg(),
        "truncated JPEG" => TruncatedJpeg(),
        "decompression bomb" => DecompressionBomb(),
        "25 MB" => TwentyFiveMegabytes(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such bad upload."),
    };

    public static byte[] TextNamedJpg() => Encoding.UTF8.GetBytes("This is not a photo, whatever its name says.\n");

    /// <summary>The first half of a real JPEG: its header is whole, its picture is not.</summary>
    public static byte[] TruncatedJpeg()
    {
        var whole = Photo("jpeg");
        return whole[..(whole.Length / 2)];
    }

    /// <summary>A 67-byte PNG whose header claims 100,000 × 100,000 pixels (40 GB decoded).</summary>
    public static byte[] DecompressionBomb()
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, 100_000);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), 100_000);
        header[8] = 8; // bit depth
        header[9] = 6; // RGBA
        return [.. (byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], .. Chunk("IHDR", header), .. Chunk("IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]), .. Chunk("IEND", [])];
    }

    /// <summary>25 MB: a JPEG followed by padding (a real file's size, more than the 20 MB allowed).</summary>
    public static byte[] TwentyFiveMegabytes()
    {
        var photo = Photo("jpeg", 200, 100);
        var padded = new byte[25 * 1024 * 1024];
        photo.CopyTo(padded, 0);
        return padded;
    }

    private static SKEncodedImageFormat Format(string format) => format switch
    {
        "jpeg" => SKEncodedImageFormat.Jpeg,
        "png" => SKEncodedImageFormat.Png,
        "webp" => SKEncodedImageFormat.Webp,
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "jpeg, png or webp"),
    };

    public static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32([.. typeBytes, .. data]));
        return chunk;
    }

    /// <summary>PNG's CRC-32 (ISO 3309), bit by bit: a few bytes only.</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
