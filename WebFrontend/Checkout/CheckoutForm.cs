using System.ComponentModel.DataAnnotations;
using Shop.WebFrontend.Services;

namespace Shop.WebFrontend.Checkout;

/// <summary>The checkout form as posted. Members are nullable so a missing field is a message next to it, not a
/// binding failure. <see cref="IdempotencyKey"/> is made when the form is first shown and travels in a hidden field,
/// so submitting the same form twice is one order.</summary>
public sealed class CheckoutForm : IValidatableObject
{
    [Required(ErrorMessage = "Enter the recipient's full name.")]
    [StringLength(100, ErrorMessage = "The full name must be at most 100 characters.")]
    public string? FullName { get; set; }

    [Required(ErrorMessage = "Enter the street and house number.")]
    [StringLength(200, ErrorMessage = "The street must be at most 200 characters.")]
    public string? Street { get; set; }

    [Required(ErrorMessage = "Enter the city.")]
    [StringLength(100, ErrorMessage = "The city must be at most 100 characters.")]
    public string? City { get; set; }

    [Required(ErrorMessage = "Enter the postal code.")]
    [StringLength(20, ErrorMessage = "The postal code must be at most 20 characters.")]
    public string? PostalCode { get; set; }

    [Required(ErrorMessage = "Enter the country.")]
    [StringLength(60, ErrorMessage = "The country must be at most 60 characters.")]
    public string? Country { get; set; }

    [Required(ErrorMessage = "Enter the card number.")]
    [CardNumber]
    public string? CardNumber { get; set; }

    [Required(ErrorMessage = "Enter the name on the card.")]
    [StringLength(100, ErrorMessage = "The name on the card must be at most 100 characters.")]
    public string? CardHolder { get; set; }

    [Required(ErrorMessage = "Choose the expiry month.")]
    [Range(1, 12, ErrorMessage = "Choose the expiry month.")]
    public int? ExpiryMonth { get; set; }

    [Required(ErrorMessage = "Choose the expiry year.")]
    [Range(2000, 2100, ErrorMessage = "Choose the expiry year.")]
    public int? ExpiryYear { get; set; }

    [Required(ErrorMessage = "Enter the 3 or 4 digit security code.")]
    [RegularExpression(@"^\s*\d{3,4}\s*$", ErrorMessage = "The security code is 3 or 4 digits.")]
    public string? Cvc { get; set; }

    public string? IdempotencyKey { get; set; }

    /// <summary>A card is valid through the last day of its expiry month.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var now = (validationContext.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (ExpiryMonth is >= 1 and <= 12 && ExpiryYear is >= 2000 and <= 2100
            && (ExpiryYear < now.Year || (ExpiryYear == now.Year && ExpiryMonth < now.Month)))
        {
            yield return new ValidationResult("This card has expired.", [nameof(ExpiryYear)]);
        }

        // The shop's own rule for text (BoundaryText), so a form post with a NUL in it gets the message here.
        (string Name, string? Value)[] texts =
            [(nameof(FullName), FullName), (nameof(Street), Street), (nameof(City), City), (nameof(PostalCode), PostalCode), (nameof(Country), Country), (nameof(CardHolder), CardHolder)];
        foreach (var (name, value) in texts.Where(text => text.Value is not null && Contracts.BoundaryText.HasForbiddenCharacter(text.Value)))
        {
            yield return new ValidationResult("Remove the control characters from this field.", [name]);
        }
    }

    public CheckoutRequest ToRequest() => new(
        new ShippingAddress(FullName!.Trim(), Street!.Trim(), City!.Trim(), PostalCode!.Trim(), Country!.Trim()),
        new PaymentDetails(Shop.Contracts.CardNumber.Digits(CardNumber!), CardHolder!.Trim(), ExpiryMonth!.Value, ExpiryYear!.Value, Cvc!.Trim()));

    /// <summary>Basket.Api names fields by JSON path (<c>shippingAddress.fullName</c>, <c>payment.cvc</c>); the last
    /// segment is this form's property. Null for an error about no single field.</summary>
    public static string? FieldFor(string apiField)
    {
        var name = apiField[(apiField.LastIndexOf('.') + 1)..];
        return typeof(CheckoutForm).GetProperties()
            .FirstOrDefault(property => property.Name != nameof(IdempotencyKey) && string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            ?.Name;
    }
}
