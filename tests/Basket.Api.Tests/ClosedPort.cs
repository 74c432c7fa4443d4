using Shop.Hosting.LocalServers;

namespace Shop.Basket.Api.Tests;

internal static class ClosedPort
{
    /// <summary>A loopback port nothing listens on. It is taken below the ephemeral range, as the servers' ports are:
    /// a released ephemeral port can be handed out again at once, to a DCP proxy or an outgoing connection.</summary>
    public static int Find() => FreePorts.Next();
}
