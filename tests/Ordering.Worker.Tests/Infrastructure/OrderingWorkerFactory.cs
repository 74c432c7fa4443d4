using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Shop.Ordering.Worker.Tests.Infrastructure;

/// <summary>Ordering.Worker in-process, with the given settings.</summary>
public sealed class OrderingWorkerFactory(WorkerSettings settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings.ToEnvironment())
        {
            builder.UseSetting(key.Replace("__", ":", StringComparison.Ordinal), value);
        }
    }
}
