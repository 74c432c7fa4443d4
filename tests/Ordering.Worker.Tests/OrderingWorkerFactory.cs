using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Shop.Ordering.Worker.Tests;

/// <summary>Ordering.Worker in-process, pointed at the given broker.</summary>
public sealed class OrderingWorkerFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("ConnectionStrings:messaging", connectionString);
}
