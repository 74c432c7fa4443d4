namespace Shop.Hosting.Dashboard.Api;

/// <summary>Conversions the telemetry APIs share.</summary>
internal static class ApiValues
{
    /// <summary>An empty filter box in the page arrives as an empty query value: it means "any".</summary>
    public static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static IReadOnlyList<AttributeDto> ToDtos(IEnumerable<KeyValuePair<string, string>> attributes, SecretMasker masker) =>
        [.. attributes.Select(a => new AttributeDto(a.Key, masker.Apply(a.Value)))];
}
