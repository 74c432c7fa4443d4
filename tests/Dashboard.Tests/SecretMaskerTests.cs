using Microsoft.Extensions.Configuration;
using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Dashboard;

namespace Shop.Dashboard.Tests;

public sealed class SecretMaskerTests
{
    private const string Password = "Xq7pLm2vRt9w";
    private readonly SecretMasker _masker;

    public SecretMaskerTests()
    {
        var parameter = new ParameterResource("postgres-password", secret: true) { Value = Password };
        _masker = new SecretMasker(new DistributedApplicationModel([parameter], new ConfigurationBuilder().Build()), ["dashboard-own-key"]);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5432;Username=postgres;Password=Xq7pLm2vRt9w;Database=catalogdb",
        "Host=127.0.0.1;Port=5432;Username=postgres;Password=********;Database=catalogdb")]
    [InlineData("connecting with Xq7pLm2vRt9w failed", "connecting with ******** failed")]
    [InlineData("127.0.0.1:6379,password=notAParameter", "127.0.0.1:6379,password=********")]
    [InlineData("amqp://shop:notAParameter@127.0.0.1:5672", "amqp://shop:********@127.0.0.1:5672")]
    [InlineData("key dashboard-own-key", "key ********")]
    [InlineData("http://localhost:5080", "http://localhost:5080")]
    public void Secrets_and_passwords_never_come_out_unmasked(string text, string shown) =>
        Assert.Equal(shown, _masker.Apply(text));
}
