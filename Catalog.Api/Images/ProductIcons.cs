namespace Shop.Catalog.Api.Images;

/// <summary>A line-drawn icon per product type, as SVG shapes on a 120×120 grid, stroked by the caller's group.</summary>
internal static class ProductIcons
{
    private static readonly Dictionary<string, string> _byType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Backpacks"] = """
            <rect x="28" y="26" width="64" height="84" rx="18"/><path d="M46 26v-8a14 14 0 0 1 28 0v8"/>
            <rect x="40" y="66" width="40" height="28" rx="6"/><path d="M40 50h40"/>
            """,
        ["Tents"] = """
            <path d="M8 104 60 20l52 84z"/><path d="M60 20v84"/><path d="M44 104l16-30 16 30"/><path d="M2 104h116"/>
            """,
        ["Sleeping Bags"] = """
            <path d="M38 108V40a22 22 0 0 1 44 0v68z"/><ellipse cx="60" cy="38" rx="12" ry="10"/><path d="M38 64h44M38 86h44"/>
            """,
        ["Jackets"] = """
            <path d="M42 16 60 28l18-12 26 14 8 40-16 4v38H24V74L8 70l8-40z"/><path d="M60 28v86"/><path d="M44 60h8M68 60h8"/>
            """,
        ["Footwear"] = """
            <path d="M30 14h30v52l36 14c10 4 16 10 16 20v6H14v-26z"/><path d="M14 100h98"/><path d="M60 40H44M60 54H44"/>
            """,
        ["Cooking"] = """
            <path d="M20 48h80v40a16 16 0 0 1-16 16H36a16 16 0 0 1-16-16z"/><path d="M14 48h92"/><path d="M50 40h20"/>
            <path d="M46 34c0-10 8-10 8-20M66 34c0-10 8-10 8-20"/>
            """,
        ["Lighting"] = """
            <circle cx="60" cy="56" r="24"/><path d="M50 80v14h20V80"/><path d="M52 104h16"/>
            <path d="M60 14v10M24 56H14M106 56H96M34 30l-7-7M86 30l7-7"/>
            """,
        ["Accessories"] = """
            <circle cx="60" cy="60" r="44"/><circle cx="60" cy="60" r="4"/><path d="M60 28l10 32-10 32-10-32z"/>
            <path d="M60 10v8M60 102v8M10 60h8M102 60h8"/>
            """,
    };

    // A price tag, for types added after these icons were drawn.
    private const string Fallback = """
        <path d="M64 14h42v42L56 106 14 64z"/><circle cx="86" cy="34" r="7"/>
        """;

    public static string For(string typeName) => _byType.GetValueOrDefault(typeName, Fallback);
}
