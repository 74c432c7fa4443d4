using System.ComponentModel.DataAnnotations;

namespace Shop.Security;

/// <summary>The buyer tokens WebFrontend issues and the APIs accept (configuration section <c>BuyerTokens</c>).
/// The key is the app model's secret parameter <c>buyer-token-key</c>.</summary>
public sealed class BuyerTokenOptions
{
    public const string SectionName = "BuyerTokens";

    [Required]
    [MinLength(16, ErrorMessage = "BuyerTokens:Key must be at least 16 characters.")]
    public string Key { get; set; } = "";

    /// <summary>Short-lived: the frontend issues a fresh one for each call it makes on a buyer's behalf.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(5);

    public const string Issuer = "shop-webfrontend";

    public const string Audience = "shop-apis";
}
