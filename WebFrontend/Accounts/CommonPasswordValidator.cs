using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Shop.WebFrontend.Accounts;

/// <summary>Refuses the passwords attackers try first: a list of the commonest ones, compared without case and also with
/// the digits and symbols at either end removed, because Identity's character rules push people to "Password123!".</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<IdentityUser>
{
    public const string ErrorCode = "CommonPassword";

    private static readonly FrozenSet<string> _common = Load();

    public Task<IdentityResult> ValidateAsync(UserManager<IdentityUser> manager, IdentityUser user, string? password) =>
        Task.FromResult(password is not null && IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "This password is one of the most used ones, which are tried first. Choose a less common one.",
            })
            : IdentityResult.Success);

    public static bool IsCommon(string password)
    {
        var lower = password.ToLowerInvariant();
        return _common.Contains(lower) || _common.Contains(lower.Trim(_padding));
    }

    private static readonly char[] _padding = [.. "0123456789!@#$%^&*()_+-=.,?~ "];

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToFrozenSet(StringComparer.Ordinal);
    }
}
