using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.Testing.Soak;

/// <summary>One buyer shopping through Basket.Api's public endpoint with a buyer token, as WebFrontend does on their
/// behalf: fills the basket, checks out with an idempotency key and, when refused, retries with the same key until the
/// order is accepted or the plan's deadline has passed.</summary>
internal sealed class Shopper(HttpClient basket, string buyerToken, int number, SoakPlan plan, SoakTally tally, TimeProvider time)
{
    /// <summary>The simulated gateway's test cards: most approve, one in ten is declined, one in ten fails once first.</summary>
    private static readonly string[] _cards = ["4000000000000002", "4000000000009995", .. Enumerable.Repeat("4242424242424242", 8)];

    private static readonly TimeSpan _retryDelay = TimeSpan.FromSeconds(1);

    private readonly Random _random = new(number);
    private int _orders;

    public async Task PlaceOrderAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(plan.ThinkTime * _random.NextDouble(), time, cancellationToken);
        var deadline = time.GetUtcNow() + plan.CheckoutDeadline;
        var lines = PickLines();
        var key = $"soak-{number}-{++_orders}-{Guid.NewGuid():N}";
        var card = _cards[_random.Next(_cards.Length)];
        if (!await FillBasketAsync(lines, deadline, cancellationToken))
        {
            tally.GiveUp(key);
            return;
        }

        while (time.GetUtcNow() < deadline)
        {
            var (status, body) = await SendAsync(() => Checkout(key, card), cancellationToken);
            switch (status)
            {
                case >= 200 and < 300:
                    var orderId = JsonDocument.Parse(body).RootElement.GetProperty("orderId").GetGuid();
                    tally.AcceptedOrder(new AcceptedOrder(orderId, key, time.GetUtcNow()));
                    return;
                case 400 when body.Contains("The basket is empty", StringComparison.Ordinal):
                    tally.BasketLost();
                    await FillBasketAsync(lines, deadline, cancellationToken);
                    continue;
                case null or 409 or >= 500:
                    await Task.Delay(_retryDelay, time, cancellationToken);
                    continue;
                default:
                    return;
            }
        }

        tally.GiveUp(key);
    }

    /// <summary>One or two products, one to three of each; the last product of the plan is the scarce one.</summary>
    private List<(int ProductId, int Quantity)> PickLines()
    {
        var first = _random.Next(1, plan.Products + 1);
        var lines = new List<(int, int)> { (first, _random.Next(1, 4)) };
        var second = _random.Next(1, plan.Products + 1);
        if (second != first && _random.Next(2) == 0)
        {
            lines.Add((second, _random.Next(1, 4)));
        }

        return lines;
    }

    private async Task<bool> FillBasketAsync(List<(int ProductId, int Quantity)> lines, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        foreach (var (productId, quantity) in lines)
        {
            while (true)
            {
                var (status, _) = await SendAsync(() => Request(HttpMethod.Put, $"/api/basket/items/{productId}", new { quantity }), cancellationToken);
                if (status is >= 200 and < 300)
                {
                    break;
                }

                if (status is not (null or 409 or >= 500) || time.GetUtcNow() >= deadline)
                {
                    return false;
                }

                await Task.Delay(_retryDelay, time, cancellationToken);
            }
        }

        return true;
    }

    /// <summary>Sends a request and counts its answer: the status and body, or no status when there was no answer.</summary>
    private async Task<(int? Status, string Body)> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        using var request = create();
        var sentAt = time.GetUtcNow();
        tally.Count();
        try
        {
            using var response = await basket.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.Conflict)
            {
                tally.Refused(status, Reason(body), sentAt);
            }
            else if (status >= 500)
            {
                tally.ServerError($"{status} to {request.Method} {request.RequestUri}: {body}");
            }
            else if (status >= 400 && !body.Contains("The basket is empty", StringComparison.Ordinal))
            {
                tally.Unexpectedly($"{status} to {request.Method} {request.RequestUri}: {body}");
            }

            return (status, body);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            tally.Unanswered();
            return (null, "");
        }
    }

    /// <summary>What a refusal says went wrong: its ProblemDetails' detail, which names the dependency.</summary>
    private static string Reason(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private HttpRequestMessage Checkout(string key, string card)
    {
        var request = Request(HttpMethod.Post, "/api/basket/checkout", new
        {
            shippingAddress = new { fullName = $"Soak Shopper {number}", street = "1 Loop Road", city = "Localhost", postalCode = "12345", country = "NL" },
            payment = new { cardNumber = card, cardHolder = $"Soak Shopper {number}", expiryMonth = 12, expiryYear = DateTime.UtcNow.Year + 2, cvc = "123" },
        });
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private HttpRequestMessage Request(HttpMethod method, string path, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + buyerToken);
        return request;
    }
}
