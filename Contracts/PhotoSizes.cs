using System.Globalization;
using System.Text.RegularExpressions;

namespace Shop.Contracts;

/// <summary>The widths and formats every photo is served in, and their content-addressed names:
/// <c>{version}-{width}.{webp|jpg}</c>, where the version is the hash of the uploaded bytes. A name never changes
/// content, so it may be cached for good.</summary>
public static partial class PhotoSizes
{
    public static readonly IReadOnlyList<int> Widths = [160, 480, 1200];

    public static readonly IReadOnlyList<string> Extensions = ["webp", "jpg"];

    public static string BlobName(string version, int width, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{version}-{width}.{extension}");

    /// <summary>Every blob name of one version.</summary>
    public static IEnumerable<string> BlobNames(string version) =>
        Widths.SelectMany(width => Extensions.Select(extension => BlobName(version, width, extension)));

    /// <summary>True when <paramref name="name"/> has the shape of a size's name (a request path may hold anything).</summary>
    public static bool IsBlobName(string name) => NamePattern().IsMatch(name);

    /// <summary>True when <paramref name="version"/> has the shape of a content hash.</summary>
    public static bool IsVersion(string version) => VersionPattern().IsMatch(version);

    [GeneratedRegex("^[0-9a-f]{32}-(160|480|1200)\\.(webp|jpg)$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex VersionPattern();
}
