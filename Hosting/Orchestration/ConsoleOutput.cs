namespace Shop.Hosting.Orchestration;

/// <summary>Writes lines prefixed with the resource they come from, one whole line at a time.</summary>
internal static class ConsoleOutput
{
    private static readonly Lock _lock = new();

    public static void WriteLine(string source, string text, bool isError = false)
    {
        lock (_lock)
        {
            var writer = isError ? Console.Error : Console.Out;
            writer.WriteLine($"[{source}] {text}");
        }
    }
}
