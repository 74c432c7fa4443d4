using SkiaSharp;

namespace Shop.PhotoProcessor.Processing;

/// <summary>A camera stores its pixels as the sensor saw them and says in EXIF how to turn them; the sizes carry no
/// EXIF, so the turn is applied to the pixels.</summary>
public static class PhotoOrientation
{
    /// <summary>Origins 5 to 8 are quarter turns (or a transpose): the upright photo's width is the stored height.</summary>
    public static bool SwapsSides(SKEncodedOrigin origin) => origin >= SKEncodedOrigin.LeftTop;

    /// <summary>The photo as it should be seen; the decoded bitmap is handed over (disposed if a new one is made).</summary>
    public static SKBitmap Upright(SKBitmap decoded, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return decoded;
        }

        var (width, height) = SwapsSides(origin) ? (decoded.Height, decoded.Width) : (decoded.Width, decoded.Height);
        var upright = new SKBitmap(decoded.Info.WithSize(width, height));
        using (var canvas = new SKCanvas(upright))
        {
            canvas.SetMatrix(Turn(origin, decoded.Width, decoded.Height));
            canvas.DrawBitmap(decoded, 0, 0);
        }

        decoded.Dispose();
        return upright;
    }

    /// <summary>The matrix that maps the stored pixels (w × h) onto the upright photo.</summary>
    private static SKMatrix Turn(SKEncodedOrigin origin, float w, float h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
