using System.Collections.Frozen;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace Shop.Hosting.Dashboard;

/// <summary>The pages, scripts and styles, embedded in this assembly (Dashboard/wwwroot). Every page address serves
/// the same shell; its script draws the page the address names.</summary>
internal static class DashboardAssets
{
    private const string ResourcePrefix = "dashboard/";

    private static readonly string[] _pageRoutes =
        ["/", "/console/{resource?}", "/structured", "/traces", "/traces/{traceId}", "/metrics/{resource?}"];

    private static readonly Lazy<FrozenDictionary<string, (byte[] Content, string ContentType)>> _assets = new(Load);

    public static IEndpointRouteBuilder MapDashboardAssets(this IEndpointRouteBuilder endpoints)
    {
        foreach (var route in _pageRoutes)
        {
            endpoints.MapGet(route, GetShell);
        }

        endpoints.MapGet("/assets/{**path}", GetAsset);
        return endpoints;
    }

    private static Results<FileContentHttpResult, NotFound> GetShell() => Serve("index.html");

    private static Results<FileContentHttpResult, NotFound> GetAsset(string path) => Serve(path);

    private static Results<FileContentHttpResult, NotFound> Serve(string path) =>
        _assets.Value.TryGetValue(path, out var asset)
            ? TypedResults.Bytes(asset.Content, asset.ContentType)
            : TypedResults.NotFound();

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var contentTypes = new FileExtensionContentTypeProvider();
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .ToFrozenDictionary(
                name => name[ResourcePrefix.Length..],
                name =>
                {
                    using var stream = assembly.GetManifestResourceStream(name)!;
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    var contentType = contentTypes.TryGetContentType(name, out var known) ? known : "application/octet-stream";
                    return (copy.ToArray(), contentType);
                });
    }
}
