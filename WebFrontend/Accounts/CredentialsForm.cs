using System.ComponentModel.DataAnnotations;

namespace Shop.WebFrontend.Accounts;

/// <summary>E-mail and password as posted by the sign-in and sign-up forms. Members are nullable so a missing field is
/// a message next to it, not a binding failure; Identity checks the password's rules.</summary>
public sealed class CredentialsForm
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.com.")]
    [StringLength(256, ErrorMessage = "The e-mail address must be at most 256 characters.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(128, ErrorMessage = "The password must be at most 128 characters.")]
    public string? Password { get; set; }
}
