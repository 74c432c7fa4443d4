namespace Shop.ServiceDefaults.Tests;

/// <summary>The end of a handler chain: records what reaches it and answers with the given function of the call number.</summary>
public sealed class StubHandler(Func<int, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    private int _calls;

    public StubHandler(Func<int, HttpResponseMessage> respond)
        : this((call, _) => Task.FromResult(respond(call)))
    {
    }

    public int Calls => _calls;

    public List<Uri?> RequestUris { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        RequestUris.Add(request.RequestUri);
        return respond(Interlocked.Increment(ref _calls), cancellationToken);
    }
}
