using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Shop.Hosting.Orchestration;

namespace Shop.Hosting.Dashboard.Api;

/// <summary>A resource's console output: the lines kept in memory, then each new line as it is written.</summary>
internal static class ConsoleLogsApi
{
    public static IEndpointRouteBuilder MapConsoleLogsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/console/{resource}", StreamConsole);
        return endpoints;
    }

    /// <summary>Event <c>line</c> for every line, oldest first; the stream stays open for new ones.</summary>
    public static ServerSentEventsResult<ConsoleLineDto> StreamConsole(string resource, DistributedApplication application, SecretMasker masker, HttpContext context) =>
        TypedResults.ServerSentEvents(LinesAsync(resource, application.ResourceLogs, masker, StreamLifetime.Of(context)), "line");

    private static async IAsyncEnumerable<ConsoleLineDto> LinesAsync(
        string resource, ResourceLogStore logs, SecretMasker masker, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var live = logs.WatchAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        // The first MoveNextAsync subscribes before the kept lines are read, so no line falls between the two; a line
        // written in between arrives twice, as the same instance, and is skipped the second time.
        var next = live.MoveNextAsync();
        var history = logs.GetLines(resource);
        var alreadySent = new HashSet<LogLine>(history, ReferenceEqualityComparer.Instance);
        foreach (var line in history)
        {
            yield return ToDto(line, masker);
        }

        while (await next)
        {
            var line = live.Current;
            if (line.Resource == resource && !alreadySent.Remove(line))
            {
                yield return ToDto(line, masker);
            }

            next = live.MoveNextAsync();
        }
    }

    private static ConsoleLineDto ToDto(LogLine line, SecretMasker masker) => new(line.At, masker.Apply(line.Text), line.IsError);
}

public sealed record ConsoleLineDto(DateTimeOffset At, string Text, bool IsError);
