namespace Shop.WebFrontend.Accounts;

/// <summary>The account rules a page states to the shopper, in one place with the configuration that enforces them.</summary>
public static class AccountRules
{
    public const int MinimumPasswordLength = 10;

    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    /// <summary>How long a sign-in lasts without a visit; each visit in its second half renews it.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(14);

    public const string PasswordHint =
        "At least 10 characters, with an upper-case and a lower-case letter, a digit and a symbol; not one of the most common passwords.";

    public static string LockoutMessage =>
        $"After {MaxFailedSignIns} wrong passwords in a row the account is locked for {LockoutTime.TotalMinutes:0} minutes.";
}
