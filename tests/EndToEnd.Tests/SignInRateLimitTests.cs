using System.Net;
using Shop.Contracts;

namespace Shop.EndToEnd.Tests;

/// <summary>The frontend limits sign-in attempts per client address. All of this machine's requests come from one
/// address, so the test waits for the window to pass before it ends: the other tests sign in again afterwards.</summary>
[Collection(BootedSystem.Name)]
public sealed class SignInRateLimitTests(SystemFixture system)
{
    private static readonly TimeSpan _windowDeadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_burst_of_sign_in_attempts_is_answered_429_with_a_page_that_says_why_and_when_to_retry()
    {
        using var client = system.App.CreateHttpClient(ResourceNames.WebFrontend);

        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 100 && refused is null; attempt++)
        {
            var response = await PostSignInAsync(client);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(refused);
        using (refused)
        {
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a Retry-After");
            Assert.Contains("Too many attempts", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Sign-up has its own allowance, and the limit lifts once the window has passed.
        using (var signUp = await client.PostAsync(new Uri("/account/signup", UriKind.Relative), new FormUrlEncodedContent([])))
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, signUp.StatusCode);
        }

        using var deadline = new CancellationTokenSource(_windowDeadline);
        while (true)
        {
            using var response = await PostSignInAsync(client);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                break;
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), deadline.Token);
        }
    }

    /// <summary>A post without an antiforgery token: refused as a form, but counted as an attempt before that.</summary>
    private static Task<HttpResponseMessage> PostSignInAsync(HttpClient client) =>
        client.PostAsync(new Uri("/account/signin", UriKind.Relative), new FormUrlEncodedContent([]));
}
