using System.Text;
using Shop.Contracts;
using Shop.PhotoProcessor.Processing;
using SkiaSharp;

namespace Shop.PhotoProcessor.Tests;

public sealed class PhotoSizerTests
{
    [Theory]
    [MemberData(nameof(TestPhotos.AllowedFormats), MemberType = typeof(TestPhotos))]
    public void An_allowed_photo_gets_every_width_in_WebP_and_JPEG_without_its_metadata(string format)
    {
        var upload = TestPhotos.Photo(format);
        Assert.True(HasExif(upload));

        var outcome = PhotoSizer.Size(upload);

        Assert.Null(outcome.RejectionReason);
        Assert.Equal(PhotoSizes.Widths.Count * 2, outcome.Sizes.Count);
        foreach (var size in outcome.Sizes)
        {
            var (detected, info) = Identify(size.Content);
            Assert.Equal(size.Width, info.Width);
            Assert.Equal(size.Extension == "webp" ? SKEncodedImageFormat.Webp : SKEncodedImageFormat.Jpeg, detected);
            Assert.False(HasExif(size.Content));
            Assert.False(Contains(size.Content, "ICC_PROFILE") || Contains(size.Content, "ICCP"));
        }
    }

    [Fact]
    public void A_photo_narrower_than_a_width_is_never_enlarged()
    {
        var outcome = PhotoSizer.Size(TestPhotos.Photo("png", 300, 200));

        Assert.All(outcome.Sizes, size => Assert.Equal(Math.Min(size.Width, 300), Identify(size.Content).Info.Width));
    }

    // Skia reads the orientation from JPEG and WebP EXIF, not from a PNG's eXIf chunk (cameras do not write PNG).
    [Theory]
    [InlineData("jpeg")]
    [InlineData("webp")]
    public void A_photo_stored_on_its_side_comes_out_upright(string format)
    {
        // Stored 1600 × 1000 with orientation 6: seen 1000 wide and 1600 high.
        var outcome = PhotoSizer.Size(TestPhotos.Photo(format, 1600, 1000, orientation: 6));

        Assert.All(outcome.Sizes, size =>
        {
            var info = Identify(size.Content).Info;
            var width = Math.Min(size.Width, 1000);
            Assert.Equal((width, width * 1600 / 1000), (info.Width, info.Height));
        });
    }

    private static (SKEncodedImageFormat Format, SKImageInfo Info) Identify(byte[] content)
    {
        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        return (codec.EncodedFormat, codec.Info);
    }

    private static bool HasExif(byte[] content) => Contains(content, TestExif.Artist);

    private static bool Contains(byte[] content, string text) =>
        content.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0;

    public static readonly TheoryData<string, string> BadUploads = new()
    {
        { "text named .jpg", "not an image" },
        { "truncated JPEG", "could not be decoded" },
        { "decompression bomb", "100000 × 100000 pixels" },
        { "25 MB", "at most 20 MB" },
    };

    [Theory]
    [MemberData(nameof(BadUploads))]
    public void A_bad_upload_is_rejected_with_a_reason(string upload, string reason)
    {
        var outcome = PhotoSizer.Size(TestPhotos.BadUpload(upload));

        Assert.Empty(outcome.Sizes);
        Assert.Contains(reason, outcome.RejectionReason, StringComparison.Ordinal);
    }
}
