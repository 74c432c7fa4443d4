using System.Net;
using System.Text.RegularExpressions;

namespace Shop.WebFrontend.Tests;

[Collection(InProcessFrontend.Name)]
public sealed class CheckoutTests(FrontendFixture fixture)
{
    [Fact]
    public async Task A_checkout_with_bad_fields_shows_a_message_next_to_each_and_sends_nothing()
    {
        using var shopper = fixture.NewShopper();
        await shopper.AddToBasketAsync(fixture.Backpack.Id, 1);
        var checkoutsBefore = fixture.Shop.Checkouts.Count;
        var form = Filled(await shopper.GetFormAsync("/checkout", "checkout"))
            .With("Form.FullName", "")
            .With("Form.CardNumber", "4242 4242 4242 4241")
            .With("Form.Cvc", "12");

        using var response = await form.SubmitAsync(shopper.Browser);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Enter the recipient's full name.", MessageFor(html, "fullName"));
        Assert.Equal("Enter a valid card number: 13 to 19 digits.", MessageFor(html, "cardNumber"));
        Assert.Equal("The security code is 3 or 4 digits.", MessageFor(html, "cvc"));
        Assert.Null(MessageFor(html, "city"));
        Assert.Equal(checkoutsBefore, fixture.Shop.Checkouts.Count);
    }

    [Fact]
    public async Task Submitting_the_same_checkout_form_twice_sends_one_idempotency_key_and_shows_one_order()
    {
        using var shopper = fixture.NewShopper();
        await shopper.AddToBasketAsync(fixture.Backpack.Id, 2);
        var form = Filled(await shopper.GetFormAsync("/checkout", "checkout"));

        using var first = await form.SubmitAsync(shopper.Browser);
        using var second = await form.SubmitAsync(shopper.Browser);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Matches("^/orders/[0-9a-f-]{36}\\?placed=true$", ShopperSession.RedirectedTo(first)!);
        var mine = fixture.Shop.Checkouts.Where(c => c.IdempotencyKey == form.Fields["Form.IdempotencyKey"]).ToList();
        Assert.Equal(2, mine.Count);
        Assert.Equal("4242424242424242", mine[0].Body.Payment.CardNumber);
        Assert.Single(fixture.Shop.Orders.Values, order => order.IdempotencyKey == form.Fields["Form.IdempotencyKey"]);

        var confirmation = await shopper.GetPageAsync(ShopperSession.RedirectedTo(first)!);
        Assert.Contains("Thank you, your order is placed.", confirmation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_refused_by_the_basket_is_shown_next_to_that_field_and_the_next_try_gets_a_new_key()
    {
        using var shopper = fixture.NewShopper();
        await shopper.AddToBasketAsync(fixture.Backpack.Id, 1);
        var form = Filled(await shopper.GetFormAsync("/checkout", "checkout"));
        fixture.Shop.CheckoutFieldError = ("shippingAddress.postalCode", "The postal code is not known.");
        try
        {
            using var response = await form.SubmitAsync(shopper.Browser);
            var html = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("The postal code is not known.", MessageFor(html, "postalCode"));
            Assert.NotEqual(form.Fields["Form.IdempotencyKey"], HtmlForm.Find(html, "checkout", "/checkout").Fields["Form.IdempotencyKey"]);
        }
        finally
        {
            fixture.Shop.CheckoutFieldError = null;
        }
    }

    [Fact]
    public async Task The_checkout_page_lists_the_documented_test_cards()
    {
        using var shopper = fixture.NewShopper();
        await shopper.AddToBasketAsync(fixture.Backpack.Id, 1);

        var html = await shopper.GetPageAsync("/checkout");

        Assert.Contains("4242 4242 4242 4242", html, StringComparison.Ordinal);
        Assert.Contains("4000 0000 0000 0002", html, StringComparison.Ordinal);
        Assert.Contains("4000 0000 0000 9995", html, StringComparison.Ordinal);
    }

    /// <summary>The checkout form as a shopper fills it in correctly.</summary>
    internal static HtmlForm Filled(HtmlForm form) => form
        .With("Form.FullName", "Ada Lovelace")
        .With("Form.Street", "1 Analytical Way")
        .With("Form.PostalCode", "N1 1AA")
        .With("Form.City", "London")
        .With("Form.Country", "United Kingdom")
        .With("Form.CardNumber", "4242 4242 4242 4242")
        .With("Form.CardHolder", "Ada Lovelace")
        .With("Form.ExpiryMonth", "12")
        .With("Form.ExpiryYear", (DateTime.UtcNow.Year + 2).ToString(System.Globalization.CultureInfo.InvariantCulture))
        .With("Form.Cvc", "123");

    /// <summary>The validation message rendered in the field's error slot (<c>id="{field}-error"</c>), or null.</summary>
    private static string? MessageFor(string html, string field)
    {
        var slot = Regex.Match(html, $"<div id=\"{field}-error\">(<div class=\"validation-message\">(?<text>[^<]*)</div>)?");
        Assert.True(slot.Success, $"The page has no error slot for {field}.");
        return slot.Groups["text"].Success ? WebUtility.HtmlDecode(slot.Groups["text"].Value) : null;
    }
}
