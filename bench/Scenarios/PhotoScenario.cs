using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Shop.Contracts;
using Shop.PhotoProcessor.Processing;
using SkiaSharp;

namespace Shop.Bench;

/// <summary>The photo function: photos per second through PhotoSizer (three widths, each in WebP and JPEG) beside a
/// bare program that decodes the same photo whole and encodes it once as a JPEG, in alternating rounds; and its cold
/// start, process launch to the first photo done (its event deleted), beside the bare program doing one photo.</summary>
internal static class PhotoScenario
{
    private const int Width = 3000, Height = 2000;

    public static async Task RunAsync(BenchContext bench)
    {
        var bare = await PublishedApp.PublishAsync(BaselineApps.ProjectFile(BaselineApps.BarePhoto));
        var folder = Directory.CreateTempSubdirectory("bench-photos-");
        try
        {
            foreach (var format in new[] { SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Webp })
            {
                var photo = BenchPhotos.Make(format, Width, Height);
                var file = Path.Combine(folder.FullName, $"photo.{format}");
                await File.WriteAllBytesAsync(file, photo);
                await bench.MeasureAsync($"photos {format}", () => ThroughputAsync(bench, bare, format, photo, file));
            }

            await bench.MeasureAsync("photo-processor cold start", () => ColdStartAsync(bench, bare, folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task ThroughputAsync(BenchContext bench, string bare, SKEncodedImageFormat format, byte[] photo, string file)
    {
        SizeFor(photo, bench.WarmUpDuration);
        var rounds = new List<(double Sizer, double Bare)>();
        for (var round = 0; round < bench.Rounds; round++)
        {
            var sizer = SizeFor(photo, bench.LoadDuration);
            var floor = double.Parse(await RunBareAsync(bare, file, bench.LoadDuration), CultureInfo.InvariantCulture);
            rounds.Add((sizer, floor));
        }

        bench.Report.AddRatio("photos", $"{format.ToString().ToUpperInvariant()} {Width} × {Height} ({photo.Length / 1024} KB) through PhotoSizer",
            BenchContext.Median(rounds.Select(r => r.Sizer)), "photos/s", "bare decode + one JPEG",
            BenchContext.Median(rounds.Select(r => r.Bare)), rounds);
    }

    /// <summary>Photos per second, in this process, one at a time as the function takes them.</summary>
    private static double SizeFor(byte[] photo, TimeSpan duration)
    {
        var done = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            if (PhotoSizer.Size(photo).RejectionReason is { } reason)
            {
                throw new InvalidOperationException($"The bench photo was rejected: {reason}");
            }

            done++;
        }
        while (clock.Elapsed < duration);
        return done / clock.Elapsed.TotalSeconds;
    }

    /// <summary>The AppHost's own processor is stopped meanwhile, so the measured instance takes the event.</summary>
    private static async Task ColdStartAsync(BenchContext bench, string bare, string folder)
    {
        const string resource = "photo-processor";
        var assembly = await PublishedApp.PublishAsync(bench.ProjectPath(resource));
        var environment = await bench.EnvironmentOfAsync(resource);
        var storage = bench.App.GetConnectionString(ResourceNames.Storage);
        var events = new QueueClient(storage, PhotoStorage.EventsQueue);
        var uploads = new BlobContainerClient(storage, PhotoStorage.IncomingContainer);
        var file = Path.Combine(folder, $"photo.{SKEncodedImageFormat.Jpeg}");
        var photo = BinaryData.FromBytes(await File.ReadAllBytesAsync(file));
        await bench.App.StopAsync(resource, TimeSpan.FromMinutes(1));
        try
        {
            var starts = new List<(double Processor, double Bare)>();
            for (var i = 0; i < bench.ColdStarts; i++)
            {
                // Product 1 has no upload by that id, so Catalog.Api ignores the answer.
                await uploads.UploadBlobAsync($"1/{Guid.CreateVersion7()}", photo);
                await WaitForQueueAsync(events, count => count > 0, Stopwatch.StartNew());
                using var process = StartedProcess.Start(assembly, environment);
                var processor = await WaitForQueueAsync(events, count => count == 0, process.SinceStart);
                var clock = Stopwatch.StartNew();
                await RunBareAsync(bare, file, TimeSpan.Zero);
                starts.Add((processor, clock.Elapsed.TotalMilliseconds));
            }

            bench.Report.AddRatio("cold start", "photo-processor to first photo done (JPEG)", BenchContext.Median(starts.Select(s => s.Processor)), "ms",
                "bare program doing one photo", BenchContext.Median(starts.Select(s => s.Bare)), starts);
        }
        finally
        {
            await bench.App.StartAsync(resource, TimeSpan.FromMinutes(2));
        }
    }

    /// <summary>Polls the event queue (the app host's emulated Event Grid sends within half a second of an upload).</summary>
    private static async Task<double> WaitForQueueAsync(QueueClient events, Func<int, bool> until, Stopwatch since)
    {
        while (since.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (until((await events.GetPropertiesAsync()).Value.ApproximateMessagesCount))
            {
                return since.Elapsed.TotalMilliseconds;
            }

            await Task.Delay(5);
        }

        throw new TimeoutException($"The queue {events.Name} did not change within 60 s.");
    }

    private static async Task<string> RunBareAsync(string assembly, string file, TimeSpan duration)
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet",
            [assembly, file, duration.TotalSeconds.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException($"Could not start {assembly}.");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"{assembly} exited with code {process.ExitCode}.");
    }
}
