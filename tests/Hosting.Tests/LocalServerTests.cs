using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Npgsql;
using RabbitMQ.Client;
using Shop.Hosting.Postgres;
using Shop.Hosting.RabbitMQ;
using Shop.Hosting.Redis;
using Shop.Testing;
using StackExchange.Redis;

namespace Shop.Hosting.Tests;

/// <summary>Each server run as a local process (no container runtime here) from the machine's real server programs: it
/// starts, is healthy, accepts only its credentials, and keeps its data across a restart on the same data folder.</summary>
public sealed class LocalServerTests : IDisposable
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(90);
    private readonly string _state = Path.Combine(Path.GetTempPath(), "shop-tests", Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Postgres_creates_its_databases_runs_unprivileged_and_keeps_data_across_restarts()
    {
        await using (var app = await StartAsync(b => b.AddPostgres("postgres").RunAsLocalProcessWithoutContainerRuntime().AddDatabase("appdb")))
        {
            await using var connection = new NpgsqlConnection(app.GetConnectionString("appdb"));
            await connection.OpenAsync();
            await Execute(connection, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('written by the first run')");

            var backendUser = await Scalar(connection, "SELECT pg_backend_pid()") is int pid ? ProcessUid(pid) : -1;
            if (Environment.UserName == "root")
            {
                Assert.NotEqual(0, backendUser);
            }

            var wrong = new NpgsqlConnectionStringBuilder(app.GetConnectionString("appdb")) { Password = "postgres", Pooling = false };
            await using var intruder = new NpgsqlConnection(wrong.ConnectionString);
            await Assert.ThrowsAsync<PostgresException>(() => intruder.OpenAsync());
        }

        await using (var app = await StartAsync(b => b.AddPostgres("postgres").RunAsLocalProcessWithoutContainerRuntime().AddDatabase("appdb")))
        {
            await using var connection = new NpgsqlConnection(app.GetConnectionString("appdb"));
            await connection.OpenAsync();
            Assert.Equal("written by the first run", await Scalar(connection, "SELECT value FROM kept"));
        }
    }

    [Fact]
    public async Task Redis_requires_its_password_and_keeps_data_across_restarts()
    {
        await using (var app = await StartAsync(b => b.AddRedis("cache").RunAsLocalProcessWithoutContainerRuntime()))
        {
            var options = ConfigurationOptions.Parse(app.GetConnectionString("cache"));
            await using (var redis = await ConnectionMultiplexer.ConnectAsync(options))
            {
                Assert.True(await redis.GetDatabase().StringSetAsync("kept", "first run"));
            }

            foreach (var wrong in new[] { "guest", null })
            {
                var intruder = options.Clone();
                intruder.Password = wrong;
                await Assert.ThrowsAnyAsync<RedisException>(async () =>
                {
                    await using var redis = await ConnectionMultiplexer.ConnectAsync(intruder);
                    await redis.GetDatabase().StringGetAsync("kept");
                });
            }
        }

        await using (var app = await StartAsync(b => b.AddRedis("cache").RunAsLocalProcessWithoutContainerRuntime()))
        {
            await using var redis = await ConnectionMultiplexer.ConnectAsync(app.GetConnectionString("cache"));
            Assert.Equal("first run", await redis.GetDatabase().StringGetAsync("kept"));
        }
    }

    [Fact]
    public async Task RabbitMQ_requires_its_password_and_keeps_durable_messages_across_restarts()
    {
        await using (var app = await StartAsync(b => b.AddRabbitMQ("messaging").WithManagementPlugin().RunAsLocalProcessWithoutContainerRuntime()))
        {
            var factory = new ConnectionFactory { Uri = new Uri(app.GetConnectionString("messaging")) };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeclareAsync("kept", durable: true, exclusive: false, autoDelete: false);
            await channel.BasicPublishAsync("", "kept", mandatory: false, new BasicProperties { Persistent = true }, "first run"u8.ToArray());

            var intruder = new ConnectionFactory { Uri = new Uri(app.GetConnectionString("messaging").Replace(Password, "wrong-password", StringComparison.Ordinal)) };
            await Assert.ThrowsAnyAsync<Exception>(() => intruder.CreateConnectionAsync());
        }

        await using (var app = await StartAsync(b => b.AddRabbitMQ("messaging").WithManagementPlugin().RunAsLocalProcessWithoutContainerRuntime()))
        {
            var factory = new ConnectionFactory { Uri = new Uri(app.GetConnectionString("messaging")) };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            var message = await channel.BasicGetAsync("kept", autoAck: true);
            Assert.NotNull(message);
            Assert.Equal("first run", System.Text.Encoding.UTF8.GetString(message.Body.Span));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_state))
        {
            Directory.Delete(_state, recursive: true);
        }
    }

    /// <summary>The same passwords in both runs, as the app host keeps its generated ones in user secrets.</summary>
    private const string Password = "local-server-tests-password";

    /// <summary>Starts servers on this test's data folder (kept between the two runs of a test).</summary>
    private async Task<StartedApplication> StartAsync(Action<IDistributedApplicationTestingBuilder> declare)
    {
        var builder = TestServers.CreateBuilder(
            _state,
            $"--Parameters:postgres-password={Password}",
            $"--Parameters:cache-password={Password}",
            $"--Parameters:messaging-password={Password}");
        declare(builder);
        return await builder.StartAsync(_startTimeout);
    }

    private static int ProcessUid(int pid) =>
        int.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1], System.Globalization.CultureInfo.InvariantCulture);

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
