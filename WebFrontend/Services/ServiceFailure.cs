using System.Text.Json;
using Polly.Timeout;

namespace Shop.WebFrontend.Services;

public static class ServiceFailure
{
    /// <summary>A backing API could not answer (down, waking from zero replicas past the timeout, 5xx, a garbled body):
    /// the page shows a notice instead of failing, and the operator finds the cause in the log.</summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or JsonException;
}
