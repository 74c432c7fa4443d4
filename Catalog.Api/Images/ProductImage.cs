using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.Net.Http.Headers;

namespace Shop.Catalog.Api.Images;

/// <summary>A product's picture, drawn from what the catalog knows about it: the brand sets the colours, the type the
/// icon, and the name is the caption. The same product always gives the same bytes, so the ETag (a hash of them) is
/// strong, and it changes when a rename or a new brand or type changes the picture.</summary>
public sealed class ProductImage
{
    public const string ContentType = "image/svg+xml";

    private const int CaptionLineLength = 28;

    private ProductImage(byte[] content)
    {
        Content = content;
        ETag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16))}\"");
    }

    public byte[] Content { get; }

    public EntityTagHeaderValue ETag { get; }

    public static ProductImage Render(string name, string brand, string type)
    {
        var hue = StableHash(brand) % 360;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300" role="img" aria-label="{Escape(name)}">
            <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
            <stop offset="0" stop-color="hsl({hue},55%,88%)"/><stop offset="1" stop-color="hsl({(hue + 40) % 360},45%,70%)"/>
            </linearGradient></defs>
            <rect width="400" height="300" fill="url(#bg)"/>
            <circle cx="200" cy="118" r="78" fill="#ffffff" fill-opacity="0.55"/>
            <g transform="translate(140 58)" fill="none" stroke="hsl({hue},45%,28%)" stroke-width="5" stroke-linecap="round" stroke-linejoin="round">
            {ProductIcons.For(type)}</g>
            <text x="20" y="34" font-family="sans-serif" font-size="16" font-weight="600" fill="hsl({hue},45%,25%)">{Escape(brand)}</text>

            """);

        var lines = Caption(name);
        var firstBaseline = lines.Count == 1 ? 250 : 238;
        for (var i = 0; i < lines.Count; i++)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="200" y="{firstBaseline + (i * 26)}" text-anchor="middle" font-family="sans-serif" font-size="22" fill="#1f2933">{Escape(lines[i])}</text>""");
            svg.Append('\n');
        }

        svg.Append("</svg>\n");
        return new ProductImage(Encoding.UTF8.GetBytes(svg.ToString()));
    }

    /// <summary>The name on one or two lines, cut with an ellipsis when it is longer still.</summary>
    private static List<string> Caption(string name)
    {
        var lines = new List<string> { "" };
        foreach (var word in name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = lines[^1].Length == 0 ? word : lines[^1] + " " + word;
            if (candidate.Length <= CaptionLineLength || lines[^1].Length == 0)
            {
                lines[^1] = candidate;
            }
            else if (lines.Count < 2)
            {
                lines.Add(word);
            }
            else
            {
                lines[^1] += " …";
                break;
            }
        }

        return [.. lines.Select(line => line.Length > CaptionLineLength + 2 ? line[..CaptionLineLength] + "…" : line)];
    }

    /// <summary>Text and attribute content: the names come from operators, and an SVG can carry script.</summary>
    private static string Escape(string text) => new XText(text).ToString().Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>FNV-1a: the same on every run and machine, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % int.MaxValue);
    }
}
