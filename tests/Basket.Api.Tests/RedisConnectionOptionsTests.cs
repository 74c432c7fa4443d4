using Shop.Basket.Api.Redis;

namespace Shop.Basket.Api.Tests;

public sealed class RedisConnectionOptionsTests
{
    [Theory]
    [InlineData("localhost:6379", "localhost", 6379, null, false)]
    [InlineData("127.0.0.1:7000,password=s3cret", "127.0.0.1", 7000, "s3cret", false)]
    [InlineData("cache.example.net:6380,password=abc+/def==,ssl=True,abortConnect=False", "cache.example.net", 6380, "abc+/def==", true)]
    [InlineData(" redis , ssl = true ", "redis", RedisConnectionOptions.DefaultSslPort, null, true)]
    [InlineData("redis", "redis", RedisConnectionOptions.DefaultPort, null, false)]
    [InlineData("[::1]:6390,password=p", "::1", 6390, "p", false)]
    public void A_valid_connection_string_is_parsed(string connectionString, string host, int port, string? password, bool ssl)
    {
        var options = RedisConnectionOptions.Parse(connectionString);

        Assert.Equal(new RedisConnectionOptions(host, port, password, ssl), options);
    }

    [Fact]
    public void A_user_and_timeouts_are_read_from_the_StackExchange_Redis_option_names()
    {
        var options = RedisConnectionOptions.Parse("cache:10000,user=basket,password=p,ssl=true,connectTimeout=1500,asyncTimeout=250");

        Assert.Equal(("basket", "p", true), (options.User, options.Password, options.Ssl));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(250), options.CommandTimeout);
    }

    [Theory]
    [InlineData("", "host:port")]
    [InlineData("localhost,asyncTimeout=soon", "asyncTimeout must be a positive number")]
    [InlineData("localhost,connectTimeout=0", "connectTimeout must be a positive number")]
    [InlineData("password=x", "host:port")]
    [InlineData("localhost:port", "port 'port'")]
    [InlineData("localhost:0", "port '0'")]
    [InlineData("localhost:65536", "port '65536'")]
    [InlineData(":6379", "host is empty")]
    [InlineData("localhost:6379,ssl=maybe", "ssl must be true or false")]
    [InlineData("localhost:6379,password", "'password' is not a key=value option")]
    [InlineData("::1:6379", "IPv6")]
    [InlineData("[::1:6379", "[IPv6]:port")]
    public void An_invalid_connection_string_is_rejected_with_the_reason(string connectionString, string reason)
    {
        var error = Assert.Throws<FormatException>(() => RedisConnectionOptions.Parse(connectionString));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_password_never_appears_in_the_text_form()
    {
        var options = RedisConnectionOptions.Parse("redis:6380,password=hunter2,ssl=true");

        Assert.Equal("redis:6380 (TLS)", options.ToString());
        Assert.DoesNotContain("hunter2", $"{options}", StringComparison.Ordinal);
    }
}
