using System.ComponentModel.DataAnnotations;

namespace Shop.WebFrontend.Accounts;

public sealed class ChangePasswordForm
{
    [Required(ErrorMessage = "Enter your current password.")]
    public string? CurrentPassword { get; set; }

    [Required(ErrorMessage = "Enter the new password.")]
    [StringLength(128, ErrorMessage = "The password must be at most 128 characters.")]
    public string? NewPassword { get; set; }
}
