using System.Net;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Shop.Basket.Api.Tests;

/// <summary>Basket.Api, through Aspire's Redis client, against a redis-server of the test's own that requires AUTH, an
/// ACL user or TLS.</summary>
[Collection(ShopSystem.Name)]
public sealed class RedisSecurityTests(ShopFixture shop)
{
    private const string Users = "user default off\nuser basket on >basket-pass ~basket:* +@all";

    [Fact]
    public async Task A_password_logs_in_to_a_server_that_requires_one_and_the_basket_is_stored_there()
    {
        await using var server = await RedisServerProcess.StartAsync("requirepass s3cret");
        var buyer = ShopFixture.NewBuyer();
        await using var basket = shop.BasketOn($"127.0.0.1:{server.Port},password=s3cret");
        using var client = shop.ClientFor(basket, buyer);

        Assert.Equal(HttpStatusCode.OK, (await client.AddAsync(5, 2)).StatusCode);

        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{server.Port},password=s3cret");
        Assert.StartsWith("2|", (string?)await redis.GetDatabase().HashGetAsync($"basket:{{{buyer}}}", "5"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ACL_user_limited_to_basket_keys_can_fill_a_basket_and_check_out()
    {
        await using var server = await RedisServerProcess.StartAsync(Users);
        await using var basket = shop.BasketOn($"127.0.0.1:{server.Port},user=basket,password=basket-pass");
        using var client = shop.ClientFor(basket, ShopFixture.NewBuyer());

        Assert.Equal(HttpStatusCode.OK, (await client.AddAsync(5)).StatusCode);
        // The idempotency record and lock live under the buyer's basket key too, so the ACL's ~basket:* covers them.
        using var checkout = await client.CheckOutAsync(Guid.NewGuid().ToString(), BasketHttp.CheckoutBody());

        Assert.Equal(HttpStatusCode.Accepted, checkout.StatusCode);
        Assert.Empty((await client.GetBasketAsync()).Lines);
    }

    [Theory]
    [InlineData("password=not-the-password")]
    [InlineData("user=intruder,password=not-the-password")]
    [InlineData("")]
    public async Task Refused_credentials_make_the_service_unhealthy_and_basket_calls_a_503_that_names_no_password(string credentials)
    {
        await using var server = await RedisServerProcess.StartAsync("requirepass s3cret");
        await using var basket = shop.BasketOn($"127.0.0.1:{server.Port},{credentials}");
        using var client = shop.ClientFor(basket, ShopFixture.NewBuyer());

        await AssertUnavailableAsync(basket, client);
        Assert.DoesNotContain("not-the-password", string.Join('\n', basket.LogLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_with_a_certificate_from_a_trusted_authority_carries_the_basket_and_AUTH()
    {
        var folder = Directory.CreateTempSubdirectory("basket-tls-");
        try
        {
            var certificates = TestCertificates.WriteTo(folder.FullName);
            await using var server = await StartTlsServerAsync(certificates);
            await using var basket = shop.BasketOn(
                $"127.0.0.1:{server.Port},password=s3cret,ssl=true",
                services => services.Configure<ConfigurationOptions>(options => options.TrustIssuer(certificates.AuthorityFile)));
            using var client = shop.ClientFor(basket, ShopFixture.NewBuyer());

            // The server has no plain-text port (port 0): whatever reaches it went through TLS.
            Assert.Equal(HttpStatusCode.OK, (await client.SetQuantityAsync(12, 4)).StatusCode);
            Assert.Equal([(12, 4)], (await client.GetBasketAsync()).Lines.Select(line => (line.ProductId, line.Quantity)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Tls_refuses_a_server_whose_certificate_no_trusted_authority_signed()
    {
        var folder = Directory.CreateTempSubdirectory("basket-tls-");
        try
        {
            var certificates = TestCertificates.WriteTo(folder.FullName);
            await using var server = await StartTlsServerAsync(certificates);
            await using var basket = shop.BasketOn($"127.0.0.1:{server.Port},password=s3cret,ssl=true");
            using var client = shop.ClientFor(basket, ShopFixture.NewBuyer());

            await AssertUnavailableAsync(basket, client);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task AssertUnavailableAsync(BasketApiFactory basket, HttpClient client)
    {
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));
        using var read = await client.GetAsync(new Uri("/api/basket", UriKind.Relative));

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (health.StatusCode, read.StatusCode));
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
        Assert.Contains("basket storage", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", string.Join('\n', basket.LogLines), StringComparison.Ordinal);
    }

    private static Task<RedisServerProcess> StartTlsServerAsync(TestCertificates certificates) => RedisServerProcess.StartAsync($"""
        port 0
        tls-port {"{port}"}
        tls-cert-file {certificates.CertificateFile}
        tls-key-file {certificates.KeyFile}
        tls-ca-cert-file {certificates.AuthorityFile}
        tls-auth-clients no
        requirepass s3cret
        """);
}
