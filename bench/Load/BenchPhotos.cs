using SkiaSharp;

namespace Shop.Bench;

/// <summary>Photo-like uploads for the photo scenario: fractal noise (detail at every scale, as in a photo, so the
/// encoders work as hard as on a real one) over a gradient, encoded as a camera or an editor would.</summary>
internal static class BenchPhotos
{
    public static byte[] Make(SKEncodedImageFormat format, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var gradient = new SKPaint())
        {
            gradient.Shader = SKShader.CreateLinearGradient(
                new SKPoint(0, 0), new SKPoint(width, height), [SKColors.SteelBlue, SKColors.Peru], SKShaderTileMode.Clamp);
            surface.Canvas.DrawRect(0, 0, width, height, gradient);
        }

        using (var noise = new SKPaint { BlendMode = SKBlendMode.Overlay })
        {
            noise.Shader = SKShader.CreatePerlinNoiseFractalNoise(0.02f, 0.02f, 6, 7);
            surface.Canvas.DrawRect(0, 0, width, height, noise);
        }

        using var image = surface.Snapshot();
        using var encoded = image.Encode(format, 92);
        return encoded.ToArray();
    }
}
