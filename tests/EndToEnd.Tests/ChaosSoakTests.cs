using Shop.Contracts;
using Shop.Testing;
using Shop.Testing.Soak;
using Xunit.Abstractions;

namespace Shop.EndToEnd.Tests;

/// <summary>The chaos soak, shortened for every test run: 150 orders from 20 shoppers in four bursts, while the worker is
/// killed with SIGKILL every 20 s and RabbitMQ, PostgreSQL and Redis are each restarted once. The full 1,000-order soak
/// is the bench's <c>soak</c> scenario, with the same engine and a Redis pause besides.</summary>
[Collection(Name)]
public sealed class ChaosSoakTests(ITestOutputHelper output)
{
    public const string Name = "chaos soak";

    [Fact]
    public async Task Orders_placed_while_the_worker_is_killed_and_every_server_restarted_each_settle_once_with_stock_and_payments_intact()
    {
        // A system of its own, since the soak restarts its servers, with scale-to-zero asked for: between bursts longer
        // than the idle time, the services fall to zero where the app host has the mode.
        var builder = await TestServers.CreateAppHostBuilderAsync<Projects.AppHost>(args: ScaleToZeroMode.Argument(TimeSpan.FromSeconds(5)));
        await using var app = await builder.StartAsync(TimeSpan.FromMinutes(3));
        using var log = new StringWriter();
        SoakResult result;
        try
        {
            // Restarts only: the bench's full soak also pauses Redis, which can still leave a checkout lock behind (see
            // the README's chaos soak section).
            var plan = new SoakPlan
            {
                Orders = 150,
                Bursts = 4,
                IdleGap = TimeSpan.FromSeconds(10),
                ServerFaults = [ServerFault.Restart(ResourceNames.Messaging), ServerFault.Restart(SoakPlan.Postgres), ServerFault.Restart(ResourceNames.Cache)],
            };
            result = await ChaosSoak.RunAsync(app, plan, scaleToZero: true, log);
        }
        finally
        {
            output.WriteLine(log.ToString());
        }

        Assert.True(result.Passed, string.Join("\n", result.Broken));
    }
}

/// <summary>Alone, after the other collections: the soak restarts servers and kills the worker of its own system, and on a
/// shared machine a second system booting beside it would make every recovery slower than the soak allows.</summary>
[CollectionDefinition(ChaosSoakTests.Name, DisableParallelization = true)]
public sealed class SoakAlone;
