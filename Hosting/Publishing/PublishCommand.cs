using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting.Publishing;

/// <summary><c>dotnet run --project AppHost -- publish [--output DIR]</c>: writes the azd project and says what next.</summary>
internal static class PublishCommand
{
    public static async Task<int> RunAsync(DistributedApplicationModel model, DistributedApplicationOptions options)
    {
        try
        {
            var root = AppHostDirectory.FindApplicationRoot();
            var output = Path.GetFullPath(options.PublishOutputDirectory ?? root);
            var files = await new AzdPublisher(model, root).PublishAsync(output);
            Console.WriteLine($"Wrote the azd project to {output}:");
            foreach (var file in files)
            {
                Console.WriteLine($"  {file}");
            }

            Console.WriteLine("Deploy it with `azd up` from the folder that holds azure.yaml.");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync($"publish: {ex.Message}");
            return 1;
        }
    }
}
