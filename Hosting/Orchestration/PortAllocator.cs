using System.Net;
using System.Net.Sockets;

namespace Shop.Hosting.Orchestration;

internal static class PortAllocator
{
    /// <summary>A port that is free on loopback right now (the OS picks it).</summary>
    public static int GetFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
