using System.Text.RegularExpressions;
using Shop.Hosting.ApplicationModel;

namespace Shop.Hosting.Dashboard;

/// <summary>Hides secrets in whatever the dashboard shows: the values of secret parameters (and of the dashboard's
/// own keys) wherever they appear, and any password written in a connection string or URL, so a page, the JSON API or
/// a copied log line never carries one.</summary>
internal sealed partial class SecretMasker(DistributedApplicationModel model, IReadOnlyList<string> ownSecrets)
{
    public const string Mask = "********";

    /// <summary>Shorter values would mask ordinary words.</summary>
    private const int MinimumSecretLength = 6;

    public string Apply(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        foreach (var secret in Secrets())
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        text = PasswordSetting().Replace(text, match => $"{match.Groups["key"].Value}={Mask}");
        return UrlPassword().Replace(text, match => $"{match.Groups["user"].Value}:{Mask}@");
    }

    // Parameters resolve when the application starts, after this masker is made: read them on every call.
    private IEnumerable<string> Secrets() =>
        model.Resources.OfType<ParameterResource>()
            .Where(p => p.Secret && p.IsResolved)
            .Select(p => p.Value)
            .Concat(ownSecrets)
            .Where(s => s.Length >= MinimumSecretLength);

    /// <summary><c>Password=…</c> in PostgreSQL's form, <c>password=…</c> in Redis's.</summary>
    [GeneratedRegex(@"(?<key>\b(?:password|pwd))\s*=\s*[^;,\s]+", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordSetting();

    /// <summary><c>scheme://user:password@host</c>, as in RabbitMQ's <c>amqp://</c> URIs.</summary>
    [GeneratedRegex(@"(?<user>://[^:/@\s]+):[^@/\s]+@")]
    private static partial Regex UrlPassword();
}
