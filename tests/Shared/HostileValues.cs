namespace Shop.Tests.Hostile;

/// <summary>What a hostile client sends, by the type of the field it lands in. Each value is a JSON literal, so a
/// table row can put a string where a number belongs and the other way round.</summary>
public static class HostileValues
{
    /// <summary>For text fields: control characters (NUL first), broken Unicode, far too long, wrong JSON types, and
    /// odd text that every field must take (accents, CJK, emoji, 20 characters: the shortest limit).</summary>
    public static readonly IReadOnlyList<string> Text =
    [
        "\"Zoë Ørsted-李 🙂\"", "\"" + new string('7', 20) + "\"", "\"O'Brien; DROP TABLE orders;--\"", "\"<script>alert(1)</script>\"",
        "\"A\\u0000da\"", "\"\\u0000\"", "\"line\\nbreak\"", "\"tab\\there\"", "\"bell\\u0007\"", "\"del\\u007f\"", "\"c1\\u0085\"",
        "\"\\ud800 lone surrogate\"", "\"" + new string('x', 5000) + "\"", "\"" + new string('y', 201) + "\"", "\"   \"", "\"\"",
        "42", "true", "[]", "{}", "null",
    ];

    /// <summary>For integer fields: out of every range, fractional, numbers as strings, wrong JSON types.</summary>
    public static readonly IReadOnlyList<string> WholeNumber =
    [
        "1", "12", "0", "-1", "-2147483648", "2147483647", "2147483648", "99999999999999999999", "1e3", "1.5", "\"1\"", "\"one\"", "true", "[]", "{}", "null",
    ];

    /// <summary>For money fields: too many decimals, beyond numeric(10, 2), negative, as strings, wrong JSON types.</summary>
    public static readonly IReadOnlyList<string> Money =
    [
        "0", "-0.01", "0.001", "100000000", "99999999999999999999999999999", "1e30", "-1e30", "\"10.00\"", "\"NaN\"", "true", "[]", "{}", "null",
    ];

    /// <summary>For query-string values (already escaped for a URL).</summary>
    public static readonly IReadOnlyList<string> Query =
    [
        "x", "-1", "0", "1.5", "2147483648", "99999999999", "%00", "A%00B", "%0d%0a", "%ff%fe", "%ED%A0%80", new string('z', 3000), "%27%3B--", "",
    ];

    /// <summary>For path segments: the query values but NUL, which the in-memory test server refuses before the app
    /// sees the request (Kestrel answers 400 for it itself).</summary>
    public static readonly IReadOnlyList<string> PathSegment = [.. Query.Where(value => !value.Contains("%00", StringComparison.Ordinal))];

    /// <summary>Content types a JSON route must refuse (415) or read as UTF-8 JSON.</summary>
    public static readonly IReadOnlyList<string> ContentTypes =
    [
        "application/json; charset=ebcdic", "application/json; charset=utf-16", "application/json; charset=\"nonsense\"", "application/json; charset=",
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-8",
    ];

    /// <summary>Bodies that are not what any JSON route reads.</summary>
    public static readonly IReadOnlyList<string> Bodies =
    [
        "", "null", "[]", "\"text\"", "{", "{\"a\":", "{\"quantity\":1,\"quantity\":2}", "\u0000", "{\"x\":\"\\ud800\"}", "[" + new string('[', 2000),
    ];
}
