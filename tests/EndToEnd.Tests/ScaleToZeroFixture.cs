using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Security;
using Shop.Testing;

namespace Shop.EndToEnd.Tests;

/// <summary>The whole system booted with the app host's scale-to-zero mode on, as <c>./run.sh --scale-to-zero</c> runs
/// it, with an idle time of a few seconds so that services reach zero within a test.</summary>
public sealed class ScaleToZeroFixture : IAsyncLifetime
{
    public static readonly TimeSpan IdleTime = TimeSpan.FromSeconds(5);

    private StartedApplication? _app;
    private BuyerTokens? _tokens;
    private string? _operatorKey;

    public StartedApplication App => _app ?? throw new InvalidOperationException("The system has not started.");

    /// <summary>A buyer token for <paramref name="buyerId"/>, signed with the model's key as WebFrontend signs it.</summary>
    public string BuyerToken(string buyerId) => (_tokens ?? throw new InvalidOperationException("The system has not started.")).Issue(buyerId);

    /// <summary>The model's operator key, as the services check it.</summary>
    public string OperatorKey => _operatorKey ?? throw new InvalidOperationException("The system has not started.");

    public async Task InitializeAsync()
    {
        var builder = await TestServers.CreateAppHostBuilderAsync<Projects.AppHost>(
            dashboard: true, ScaleToZeroMode.Argument(IdleTime));
        _app = await builder.StartAsync(TimeSpan.FromMinutes(3));
        var parameters = _app.App.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ParameterResource>().ToList();
        var key = await parameters.Single(p => p.Name == "buyer-token-key").GetValueAsync(CancellationToken.None);
        _operatorKey = await parameters.Single(p => p.Name == "operator-key").GetValueAsync(CancellationToken.None);
        _tokens = new BuyerTokens(Options.Create(new BuyerTokenOptions { Key = key!, Lifetime = TimeSpan.FromHours(1) }), TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Runs after the other collections, alone: a second booted system beside the shared one would halve the
/// machine for both.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaleToZeroSystem : ICollectionFixture<ScaleToZeroFixture>
{
    public const string Name = "scale to zero";
}
