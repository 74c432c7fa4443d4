using System.Net.Sockets;
using System.Text;

namespace Shop.Hosting.Tests;

/// <summary>Just enough RESP to check a Redis server from a test: sends commands, returns the last reply
/// as one line ("+OK", "-ERR …", "$5 value").</summary>
internal static class RespClient
{
    public static async Task<string> SendAsync(int port, params string[][] commands)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        var request = new StringBuilder();
        foreach (var command in commands)
        {
            request.Append(System.Globalization.CultureInfo.InvariantCulture, $"*{command.Length}\r\n");
            foreach (var part in command)
            {
                request.Append(System.Globalization.CultureInfo.InvariantCulture, $"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
            }
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var reply = "";
        for (var i = 0; i < commands.Length; i++)
        {
            reply = await reader.ReadLineAsync() ?? "";
            if (reply.StartsWith('$') && reply != "$-1")
            {
                reply = $"{reply} {await reader.ReadLineAsync()}";
            }
        }

        return reply;
    }
}
