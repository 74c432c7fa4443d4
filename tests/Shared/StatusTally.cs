using System.Collections.Concurrent;

namespace Shop.Tests.Hostile;

/// <summary>Counts a hostile test's requests by status class, and remembers every 5xx, so the test can assert there
/// were none and say how many requests it made.</summary>
public sealed class StatusTally(string service)
{
    private readonly ConcurrentDictionary<int, int> _byClass = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();

    public int Requests => _byClass.Values.Sum();

    /// <summary>Sends the request, counts its answer, and returns it for further checks.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var description = $"{request.Method} {request.RequestUri} {request.Content?.Headers.ContentType}";
        var response = await client.SendAsync(request);
        _byClass.AddOrUpdate((int)response.StatusCode / 100, 1, (_, count) => count + 1);
        if ((int)response.StatusCode >= 500)
        {
            _serverErrors.Enqueue($"{(int)response.StatusCode} for {description}: {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    /// <summary>"Catalog.Api: 412 requests, 2xx 40, 4xx 372, 5xx 0", then fails on any 5xx.</summary>
    public string AssertNoServerErrors()
    {
        var summary = $"{service}: {Requests} requests, "
            + string.Join(", ", Enumerable.Range(1, 5).Select(statusClass => $"{statusClass}xx {_byClass.GetValueOrDefault(statusClass)}"));
        Assert.True(_serverErrors.IsEmpty, $"{summary}\n{string.Join('\n', _serverErrors.Take(10))}");
        return summary;
    }
}
