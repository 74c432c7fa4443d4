using System.Net;
using System.Net.Sockets;

namespace Shop.Hosting.LocalServers;

public static class FreePorts
{
    private const int Lowest = 10_000;

    private static readonly HashSet<int> _handedOut = [];

    /// <summary>A port that is free on loopback right now, below the kernel's ephemeral range: a port the OS picked
    /// from that range could be taken by any outgoing connection before the service binds it (seen under load), one
    /// below it only by a listener. Never the same port twice in one process.</summary>
    public static int Next()
    {
        var highest = EphemeralRangeStart() - 1;
        lock (_handedOut)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var port = Random.Shared.Next(Lowest, highest + 1);
                if (!_handedOut.Contains(port) && IsFree(port))
                {
                    _handedOut.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"No free loopback port between {Lowest} and {highest} after 100 attempts.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Linux's net.ipv4.ip_local_port_range; 32768, its default, elsewhere.</summary>
    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], out var start) && start > Lowest + 1000
            ? start
            : 32768;
    }
}
