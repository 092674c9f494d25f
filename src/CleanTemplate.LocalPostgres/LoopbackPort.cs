using System.Net;
using System.Net.Sockets;

namespace CleanTemplate.LocalPostgres;

internal static class LoopbackPort
{
    /// <summary>
    /// A port that was free a moment ago. Another process may take it before the server binds it, so callers retry
    /// with a new one when the server reports the address in use.
    /// </summary>
    public static int PickFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
