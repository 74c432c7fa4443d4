using System.Net;
using System.Net.Sockets;

namespace Shop.Basket.Api.Tests;

internal static class ClosedPort
{
    /// <summary>A loopback port nothing listens on: the system hands out a free one, which is released at once.</summary>
    public static int Find()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
