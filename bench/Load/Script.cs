namespace Shop.Bench;

/// <summary>wrk Lua scripts for requests other than GET.</summary>
internal static class Script
{
    public static string Put(string jsonBody)
    {
        var path = Path.Combine(Path.GetTempPath(), $"shop-bench-put-{Guid.NewGuid():N}.lua");
        File.WriteAllText(path, $"""
            wrk.method = "PUT"
            wrk.body = '{jsonBody}'
            wrk.headers["Content-Type"] = "application/json"
            """);
        return path;
    }
}
