using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace Shop.Hosting.Otlp;

/// <summary>Reads an export request's body, inflating it when the sender compressed it (OTLP allows gzip).</summary>
internal static class OtlpRequestBody
{
    /// <summary>Bounds what one request may expand to, so a small compressed body cannot exhaust memory.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    /// <summary>The body's bytes, or null when it exceeds <see cref="MaxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var gzip = string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase);
        // The request's own stream belongs to the server: only the inflater is disposed here.
        await using var inflater = gzip ? new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true) : null;
        var source = inflater ?? request.Body;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
