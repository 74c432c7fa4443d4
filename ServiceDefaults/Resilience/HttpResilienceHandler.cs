using System.Net;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Shop.ServiceDefaults.Resilience;

/// <summary>A total timeout around retries (exponential backoff with jitter) around a per-attempt timeout. Only
/// idempotent requests are retried: repeating a POST could, for instance, place an order twice.</summary>
public sealed class HttpResilienceHandler : DelegatingHandler
{
    private static readonly ResiliencePropertyKey<HttpRequestMessage> _requestKey = new("Shop.HttpRequest");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public HttpResilienceHandler(IOptions<HttpResilienceOptions> options)
    {
        var settings = options.Value;
        _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddTimeout(settings.TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = settings.MaxRetryAttempts,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Context, args.Outcome)),
            })
            .AddTimeout(settings.AttemptTimeout)
            .Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(_requestKey, request);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (attempt, state) => new ValueTask<HttpResponseMessage>(state.Handler.SendAttemptAsync(state.Request, attempt.CancellationToken)),
                context,
                (Handler: this, Request: request));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private static bool ShouldRetry(ResilienceContext context, Outcome<HttpResponseMessage> outcome) =>
        context.Properties.TryGetValue(_requestKey, out var request)
        && IsIdempotent(request.Method)
        && IsTransient(outcome);

    private static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
        || method == HttpMethod.Delete || method == HttpMethod.Options;

    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500
            || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        _ => false,
    };
}
