using Shop.Hosting.ApplicationModel;
using Shop.Hosting.Postgres;
using Shop.Hosting.Projects;
using Shop.Hosting.RabbitMQ;
using Shop.Hosting.Redis;
using Shop.Hosting.Testing;

namespace Shop.Hosting.Tests;

public sealed class ModelTests
{
    [Fact]
    public void References_become_connection_strings_and_service_urls()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        var db = builder.AddPostgres("postgres").AddDatabase("catalogdb");
        var cache = builder.AddRedis("cache");
        var messaging = builder.AddRabbitMQ("messaging");
        var catalog = builder.AddProject<FakeProject>("catalog-api", port: 5101);
        var frontend = builder.AddProject<FakeProject>("webfrontend", port: 5080)
            .WithReference(db).WithReference(cache).WithReference(messaging).WithReference(catalog)
            .WithEnvironment("Greeting", "hello");
        var app = builder.Build();
        ResolveForTest(app);

        var environment = new Dictionary<string, string>();
        foreach (var callback in frontend.Resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            callback.Apply(environment);
        }

        var pgPort = db.Resource.Server.Endpoint.AllocatedPort;
        var pgPassword = db.Resource.Server.Password.Value;
        Assert.Equal($"Host=127.0.0.1;Port={pgPort};Username=postgres;Password={pgPassword};Database=catalogdb", environment["ConnectionStrings__catalogdb"]);
        Assert.Equal($"127.0.0.1:{cache.Resource.Endpoint.AllocatedPort},password={cache.Resource.Password.Value}", environment["ConnectionStrings__cache"]);
        Assert.Equal($"amqp://shop:{messaging.Resource.Password.Value}@127.0.0.1:{messaging.Resource.Endpoint.AllocatedPort}", environment["ConnectionStrings__messaging"]);
        Assert.Equal($"http://localhost:{catalog.Resource.GetEndpoint("http").AllocatedPort}", environment["services__catalog-api__http__0"]);
        Assert.Equal("hello", environment["Greeting"]);
    }

    [Fact]
    public void Ports_are_the_declared_ones_unless_randomized()
    {
        var fixedPorts = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { StateDirectory = TempDirectory() });
        var catalog = fixedPorts.AddProject<FakeProject>("catalog-api", port: 5101);
        ResolveForTest(fixedPorts.Build());
        Assert.Equal(5101, catalog.Resource.GetEndpoint("http").AllocatedPort);

        var randomized = DistributedApplicationTestingBuilder.Create();
        var other = randomized.AddProject<FakeProject>("catalog-api", port: 5101);
        ResolveForTest(randomized.Build());
        Assert.NotEqual(5101, other.Resource.GetEndpoint("http").AllocatedPort);
    }

    [Fact]
    public void Secret_parameters_are_generated_once_per_state_folder()
    {
        var state = TempDirectory();
        string PasswordFromNewRun()
        {
            var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { StateDirectory = state, RandomizePorts = true });
            var postgres = builder.AddPostgres("postgres");
            ResolveForTest(builder.Build());
            return postgres.Resource.Password.Value;
        }

        var first = PasswordFromNewRun();
        Assert.Equal(first, PasswordFromNewRun());
        Assert.True(first.Length >= 20);
        Assert.NotEqual("postgres", first);

        var otherFolder = DistributedApplicationTestingBuilder.Create();
        var otherPostgres = otherFolder.AddPostgres("postgres");
        ResolveForTest(otherFolder.Build());
        Assert.NotEqual(first, otherPostgres.Resource.Password.Value);
    }

    [Fact]
    public void Configured_parameters_win_over_generated_ones()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.Configuration["Parameters:operator-key"] = "from-configuration";
        var key = builder.AddParameter("operator-key", secret: true);
        ResolveForTest(builder.Build());
        Assert.Equal("from-configuration", key.Resource.Value);
    }

    [Fact]
    public void A_missing_non_secret_parameter_is_reported_by_name()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddParameter("region");
        var error = Assert.Throws<InvalidOperationException>(() => ResolveForTest(builder.Build()));
        Assert.Contains("Parameters__region", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Catalog")]
    [InlineData("catalog_api")]
    [InlineData("-api")]
    [InlineData("")]
    public void Resource_names_must_be_plain(string name)
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        Assert.ThrowsAny<ArgumentException>(() => builder.AddRedis(name));
    }

    [Fact]
    public void Two_resources_cannot_share_a_name()
    {
        var builder = DistributedApplicationTestingBuilder.Create();
        builder.AddRedis("cache");
        Assert.Throws<InvalidOperationException>(() => builder.AddRabbitMQ("cache"));
    }

    [Fact]
    public void Command_line_sets_state_folder_and_browser()
    {
        var options = DistributedApplicationOptions.FromArgs(["--no-browser", "--state-dir", "/tmp/x"]);
        Assert.False(options.OpenBrowser);
        Assert.Equal("/tmp/x", options.StateDirectory);
        Assert.True(DistributedApplicationOptions.FromArgs([]).OpenBrowser);
        Assert.Throws<ArgumentException>(() => DistributedApplicationOptions.FromArgs(["--state-dir"]));
    }

    private static void ResolveForTest(DistributedApplication app) => app.Prepare();

    private static string TempDirectory() => Path.Combine(Path.GetTempPath(), "shop-tests", Guid.NewGuid().ToString("N"));
}
