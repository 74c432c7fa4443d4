using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Shop.Hosting.Orchestration;

namespace Shop.Hosting.Dashboard.Api;

/// <summary>The resources table (<c>GET /api/resources</c>, also for scripts), its live changes, and the
/// stop/start/restart actions.</summary>
internal static class ResourcesApi
{
    public static IEndpointRouteBuilder MapResourcesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/resources");
        api.MapGet("", GetResources);
        api.MapGet("/events", StreamResources);
        api.MapPost("/{name}/stop", StopAsync);
        api.MapPost("/{name}/start", StartAsync);
        api.MapPost("/{name}/restart", RestartAsync);
        return endpoints;
    }

    public static Ok<IReadOnlyList<ResourceDto>> GetResources(ResourceTable table) => TypedResults.Ok(table.GetAll());

    /// <summary>Every resource once, then each change as it happens (event <c>resource</c>).</summary>
    public static ServerSentEventsResult<ResourceDto> StreamResources(ResourceTable table, HttpContext context) =>
        TypedResults.ServerSentEvents(ChangesAsync(table, StreamLifetime.Of(context)), "resource");

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> StopAsync(string name, ResourceTable table)
    {
        if (table.GetController(name) is not { } controller)
        {
            return TypedResults.NotFound();
        }

        if (table.GetSnapshot(name) is { IsTerminal: true } or { State: ApplicationModel.ResourceState.NotStarted })
        {
            return TypedResults.Problem($"Resource '{name}' is not running.", statusCode: StatusCodes.Status409Conflict);
        }

        using var timeout = new CancellationTokenSource(table.StopTimeout);
        await controller.StopAsync(timeout.Token);
        return TypedResults.NoContent();
    }

    /// <summary>Starts a stopped (or exited) resource; it waits for its dependencies again, as at first start.</summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> StartAsync(string name, ResourceTable table)
    {
        if (table.GetController(name) is not { } controller)
        {
            return TypedResults.NotFound();
        }

        if (table.GetSnapshot(name) is not { IsTerminal: true })
        {
            return TypedResults.Problem($"Resource '{name}' is already running.", statusCode: StatusCodes.Status409Conflict);
        }

        await RestartWithinStopTimeoutAsync(controller, table);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, NotFound>> RestartAsync(string name, ResourceTable table)
    {
        if (table.GetController(name) is not { } controller)
        {
            return TypedResults.NotFound();
        }

        await RestartWithinStopTimeoutAsync(controller, table);
        return TypedResults.NoContent();
    }

    /// <summary>The request's own token is not used: a browser that navigates away must not leave a resource half-restarted.</summary>
    private static async Task RestartWithinStopTimeoutAsync(ResourceController controller, ResourceTable table)
    {
        using var timeout = new CancellationTokenSource(table.StopTimeout);
        await controller.RestartAsync(timeout.Token);
    }

    private static async IAsyncEnumerable<ResourceDto> ChangesAsync(ResourceTable table, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var snapshot in table.WatchAsync(cancellationToken))
        {
            yield return table.ToDto(snapshot);
        }
    }
}
