using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Shop.ServiceDefaults.Tests;

internal static class LoopbackServer
{
    /// <summary>Listens on a free loopback port, chosen by the operating system when the server starts.</summary>
    public static void UseFreeLoopbackPort(this WebApplicationBuilder builder) => builder.WebHost.UseUrls("http://127.0.0.1:0");

    /// <summary>The address a started server actually listens on.</summary>
    public static Uri GetListeningAddress(this WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
}
