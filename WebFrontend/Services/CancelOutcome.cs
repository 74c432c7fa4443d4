namespace Shop.WebFrontend.Services;

public enum CancelOutcome
{
    Cancelled,

    /// <summary>The order moved on (paid, shipped) and can no longer be cancelled.</summary>
    TooLate,

    NotFound,
}
