namespace Shop.Hosting.ApplicationModel;

internal static class ResourceNames
{
    /// <summary>Names become host names, environment-variable parts and Azure resource names, so keep them plain.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 32
        && char.IsAsciiLetterLower(name[0])
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && !name.EndsWith('-');
}
