using Shop.Basket.Api.Redis;

namespace Shop.Basket.Api.Tests;

/// <summary>AUTH and TLS against a real redis-server.</summary>
public sealed class RedisSecurityTests
{
    private const string Users = "user default off\nuser basket on >basket-pass ~basket:* +@all";

    [Fact]
    public async Task A_password_logs_in_to_a_server_that_requires_one()
    {
        await using var server = await RedisServerProcess.StartAsync("requirepass s3cret");
        await using var client = RedisClientTests.Connect($"127.0.0.1:{server.Port},password=s3cret");

        await client.PingAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_an_authentication_error_without_the_password_in_it()
    {
        await using var server = await RedisServerProcess.StartAsync("requirepass s3cret");
        await using var client = RedisClientTests.Connect($"127.0.0.1:{server.Port},password=not-the-password");

        var error = await Assert.ThrowsAsync<RedisAuthenticationException>(() => client.PingAsync());

        Assert.Equal("WRONGPASS", error.ErrorCode);
        Assert.DoesNotContain("not-the-password", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_password_for_a_server_that_requires_one_is_an_authentication_error()
    {
        await using var server = await RedisServerProcess.StartAsync("requirepass s3cret");
        await using var client = RedisClientTests.Connect($"127.0.0.1:{server.Port}");

        var error = await Assert.ThrowsAsync<RedisAuthenticationException>(() => client.PingAsync());

        Assert.Equal("NOAUTH", error.ErrorCode);
    }

    [Fact]
    public async Task A_user_and_password_log_in_as_that_ACL_user_and_get_its_permissions()
    {
        await using var server = await RedisServerProcess.StartAsync(Users);
        await using var client = RedisClientTests.Connect($"127.0.0.1:{server.Port},user=basket,password=basket-pass");

        Assert.Equal("basket", (await client.ExecuteAsync(new RedisCommand("ACL", "WHOAMI"))).AsString());
        await client.ExecuteAsync(new RedisCommand("SET", "basket:x", "1"));
        var refused = await Assert.ThrowsAsync<RedisServerException>(() => client.ExecuteAsync(new RedisCommand("SET", "other:x", "1")));
        Assert.Equal("NOPERM", refused.ErrorCode);
    }

    [Fact]
    public async Task A_wrong_user_is_refused()
    {
        await using var server = await RedisServerProcess.StartAsync(Users);
        await using var client = RedisClientTests.Connect($"127.0.0.1:{server.Port},user=intruder,password=basket-pass");

        await Assert.ThrowsAsync<RedisAuthenticationException>(() => client.PingAsync());
    }

    [Fact]
    public async Task Tls_with_a_certificate_from_a_trusted_authority_carries_commands_and_AUTH()
    {
        var folder = Directory.CreateTempSubdirectory("basket-tls-");
        try
        {
            var certificates = TestCertificates.WriteTo(folder.FullName);
            await using var server = await StartTlsServerAsync(certificates);
            await using var client = RedisClientTests.Connect(
                $"127.0.0.1:{server.Port},password=s3cret,ssl=true", options => options with { TrustedRootCertificate = certificates.Authority });

            // The server has no plain-text port (port 0): whatever reaches it went through TLS.
            await client.ExecuteAsync(new RedisCommand("SET", "over-tls", "secret basket"));

            Assert.Equal("secret basket", (await client.ExecuteAsync(new RedisCommand("GET", "over-tls"))).AsString());
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
            await using var client = RedisClientTests.Connect($"127.0.0.1:{server.Port},password=s3cret,ssl=true,asyncTimeout=1000");

            var error = await Assert.ThrowsAsync<RedisConnectionException>(() => client.PingAsync());

            Assert.IsType<System.Security.Authentication.AuthenticationException>(error.InnerException?.InnerException);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
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
