using System.Diagnostics;
using System.Globalization;
using SkiaSharp;

// The floor for the photo function: decode a photo whole and encode it once as a JPEG of the same size (the function's
// quality), nothing else, for the seconds given (0: once, for the cold start). Prints photos per second. JPEG for every
// format, because a full-size PNG or WebP encode alone takes longer than all of the function's work.
var photo = File.ReadAllBytes(args[0]);
var duration = TimeSpan.FromSeconds(double.Parse(args[1], CultureInfo.InvariantCulture));
var done = 0;
var clock = Stopwatch.StartNew();
do
{
    using var bitmap = SKBitmap.Decode(photo) ?? throw new InvalidOperationException($"{args[0]} is not an image.");
    using var encoded = bitmap.Encode(SKEncodedImageFormat.Jpeg, 82);
    done++;
}
while (clock.Elapsed < duration);

Console.WriteLine((done / clock.Elapsed.TotalSeconds).ToString(CultureInfo.InvariantCulture));
