using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Shop.Hosting.Orchestration;

/// <summary>One line of a resource's console output.</summary>
public sealed record LogLine(string Resource, DateTimeOffset At, string Text, bool IsError);

/// <summary>Keeps the last lines of every resource's console output in memory, and echoes them when asked.</summary>
public sealed class ResourceLogStore(int capacityPerResource, bool echoToConsole)
{
    private readonly ConcurrentDictionary<string, Queue<LogLine>> _lines = new();
    private readonly ConcurrentDictionary<Channel<LogLine>, byte> _subscribers = new();

    public void Add(string resource, string text, bool isError)
    {
        var line = new LogLine(resource, DateTimeOffset.UtcNow, text, isError);
        var queue = _lines.GetOrAdd(resource, _ => new Queue<LogLine>());
        lock (queue)
        {
            queue.Enqueue(line);
            while (queue.Count > capacityPerResource)
            {
                queue.Dequeue();
            }
        }

        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Writer.TryWrite(line);
        }

        if (echoToConsole)
        {
            ConsoleOutput.WriteLine(resource, text, isError);
        }
    }

    public IReadOnlyList<LogLine> GetLines(string resource)
    {
        if (!_lines.TryGetValue(resource, out var queue))
        {
            return [];
        }

        lock (queue)
        {
            return [.. queue];
        }
    }

    /// <summary>Every line added from now on, until <paramref name="cancellationToken"/> fires.</summary>
    public async IAsyncEnumerable<LogLine> WatchAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<LogLine>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
        _subscribers[channel] = 0;
        try
        {
            await foreach (var line in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return line;
            }
        }
        finally
        {
            _subscribers.TryRemove(channel, out _);
        }
    }
}
