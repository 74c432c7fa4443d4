using System.Security.Cryptography;
using System.Text;

namespace Shop.Basket.Api.Redis;

/// <summary>A Lua script and the SHA1 that EVALSHA names it by, which is the hash of its source as Redis computes it.</summary>
public sealed class RedisScript(string source)
{
    public string Source { get; } = source;

    // Redis names scripts by SHA1; this is an identifier, not a security measure.
#pragma warning disable CA5350
    public string Sha1 { get; } = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(source)));
#pragma warning restore CA5350
}
