using Microsoft.Extensions.Configuration;

namespace Shop.ServiceDefaults.ServiceDiscovery;

/// <summary>Resolves a logical host name (<c>http://catalog-api/…</c>) through configuration, the way Aspire passes
/// endpoints to a service: <c>services:{name}:{scheme}:0</c> (environment <c>services__catalog-api__http__0</c>).
/// Names without an entry, and ordinary host names, pass through unchanged.</summary>
public sealed class ServiceDiscoveryHandler(IConfiguration configuration) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri;
        if (original is null || Resolve(original) is not { } resolved)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        // Restored afterwards so that a retry of the same request resolves again (an endpoint may have moved).
        request.RequestUri = resolved;
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            request.RequestUri = original;
        }
    }

    /// <summary>The request URI with the scheme, host and port of the configured endpoint, or null if none is configured.</summary>
    public Uri? Resolve(Uri uri)
    {
        if (!uri.IsAbsoluteUri || uri.HostNameType != UriHostNameType.Dns)
        {
            return null;
        }

        var configured = configuration[$"services:{uri.IdnHost}:{uri.Scheme}:0"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var endpoint))
        {
            throw new InvalidOperationException(
                $"Configuration 'services:{uri.IdnHost}:{uri.Scheme}:0' is '{configured}', which is not an absolute URI.");
        }

        return new UriBuilder(uri) { Scheme = endpoint.Scheme, Host = endpoint.Host, Port = endpoint.Port }.Uri;
    }
}
