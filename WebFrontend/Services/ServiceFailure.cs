using System.Text.Json;
using Polly;

namespace Shop.WebFrontend.Services;

public static class ServiceFailure
{
    /// <summary>A backing API could not answer (down, waking from zero replicas past the timeout, 5xx, a garbled body, or
    /// the resilience handler refusing the call: its timeout, its open circuit breaker, its concurrency limit): the page
    /// shows a notice instead of failing, and the operator finds the cause in the log.</summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is HttpRequestException or ExecutionRejectedException or JsonException;
}
