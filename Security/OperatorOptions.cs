using System.ComponentModel.DataAnnotations;

namespace Shop.Security;

/// <summary>The operator credential (configuration section <c>Operator</c>), the app model's secret parameter <c>operator-key</c>.</summary>
public sealed class OperatorOptions
{
    public const string SectionName = "Operator";

    [Required]
    [MinLength(16, ErrorMessage = "Operator:Key must be at least 16 characters.")]
    public string Key { get; set; } = "";
}
