using System.ComponentModel.DataAnnotations;
using Shop.Contracts;

namespace Shop.WebFrontend.Checkout;

/// <summary>The card-number rule Basket.Api applies, checked here first so the shopper hears about a typo next to the field.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CardNumberAttribute() : ValidationAttribute("Enter a valid card number: 13 to 19 digits.")
{
    public override bool IsValid(object? value) => value is not string text || string.IsNullOrWhiteSpace(text) || CardNumber.IsValid(text);
}
