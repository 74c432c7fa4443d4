using Shop.Contracts;
using Shop.PhotoProcessor.Processing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;

namespace Shop.PhotoProcessor.Tests;

public sealed class PhotoSizerTests
{
    [Theory]
    [MemberData(nameof(TestPhotos.AllowedFormats), MemberType = typeof(TestPhotos))]
    public void An_allowed_photo_gets_every_width_in_WebP_and_JPEG_without_its_metadata(string format)
    {
        var outcome = PhotoSizer.Size(TestPhotos.Photo(format));

        Assert.Null(outcome.RejectionReason);
        Assert.Equal(PhotoSizes.Widths.Count * 2, outcome.Sizes.Count);
        foreach (var size in outcome.Sizes)
        {
            var info = Image.Identify(size.Content, out var detected);
            Assert.Equal(size.Width, info.Width);
            Assert.Equal(size.Extension == "webp" ? WebpFormat.Instance : JpegFormat.Instance, detected);
            Assert.Null(info.Metadata.ExifProfile);
        }
    }

    [Fact]
    public void A_photo_narrower_than_a_width_is_never_enlarged()
    {
        var outcome = PhotoSizer.Size(TestPhotos.Photo("png", 300, 200));

        Assert.All(outcome.Sizes, size => Assert.Equal(Math.Min(size.Width, 300), Image.Identify(size.Content).Width));
    }

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
