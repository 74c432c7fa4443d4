using System.Net;
using Shop.Contracts;
using Shop.Tests.Hostile;
using Xunit.Abstractions;

namespace Shop.WebFrontend.Tests;

/// <summary>Every page and form of the shop, given hostile query values, path segments and form fields: never a 5xx,
/// and nothing the basket could not take is sent to it.</summary>
[Collection(InProcessFrontend.Name)]
public sealed class HostileInputTests(FrontendFixture fixture, ITestOutputHelper output)
{
    private static readonly string[] _formText = ["A\u0000da", "\u0000", "bell\u0007", "line\r\nbreak", new string('x', 5000), "   ", "Zoë 🙂", "<b>bold</b>"];

    private static readonly string[] _formNumbers = ["x", "1e3", "1.5", "-1", "99999999999", "", "12"];

    private static readonly string[] _numberFields = ["Form.ExpiryMonth", "Form.ExpiryYear"];

    private static readonly string[] _textFields = ["Form.FullName", "Form.Street", "Form.City", "Form.PostalCode", "Form.Country", "Form.CardHolder", "Form.CardNumber", "Form.Cvc"];

    [Fact]
    public async Task No_hostile_page_request_or_form_post_gets_a_server_error()
    {
        using var shopper = fixture.NewShopper();
        var tally = new StatusTally("WebFrontend");
        var orderId = Guid.NewGuid();

        foreach (var value in HostileValues.Query)
        {
            foreach (var path in new[] { $"/?q={value}", $"/?brand={value}", $"/?type={value}", $"/?sort={value}", $"/?page={value}", $"/orders?page={value}", $"/orders/{orderId}?placed={value}" })
            {
                using var _ = await tally.SendAsync(shopper.Browser, new HttpRequestMessage(HttpMethod.Get, path));
            }
        }

        foreach (var segment in HostileValues.PathSegment)
        {
            foreach (var path in new[] { $"/products/{segment}", $"/catalog/images/{segment}", $"/orders/{segment}", $"/orders/{segment}/status", $"/status/{segment}", $"/{segment}" })
            {
                using var _ = await tally.SendAsync(shopper.Browser, new HttpRequestMessage(HttpMethod.Get, path));
            }
        }

        var fields = _textFields.SelectMany(field => _formText.Select(value => (field, value)))
            .Concat(_numberFields.SelectMany(field => _formNumbers.Select(value => (field, value))));
        foreach (var (field, value) in fields)
        {
            await shopper.AddToBasketAsync(fixture.Backpack.Id, 1);
            var form = CheckoutTests.Filled(await shopper.GetFormAsync("/checkout", "checkout")).With(field, value);
            using var encoded = await tally.SendAsync(shopper.Browser, new HttpRequestMessage(HttpMethod.Post, form.Action) { Content = new FormUrlEncodedContent(form.Fields) });
            await shopper.AddToBasketAsync(fixture.Backpack.Id, 1);
            form = CheckoutTests.Filled(await shopper.GetFormAsync("/checkout", "checkout")).With(field, value);
            using var multipart = await tally.SendAsync(shopper.Browser, new HttpRequestMessage(HttpMethod.Post, form.Action) { Content = Multipart(form) });
        }

        foreach (var value in _formNumbers.Concat(_formText))
        {
            var form = await shopper.GetFormAsync($"/products/{fixture.Backpack.Id}", "add-to-basket");
            using var _ = await tally.SendAsync(shopper.Browser, new HttpRequestMessage(HttpMethod.Post, form.Action) { Content = new FormUrlEncodedContent(form.With("Quantity", value).Fields) });
        }

        var sent = fixture.Shop.Checkouts.Select(checkout => checkout.Body).ToList();
        Assert.All(sent, body => Assert.DoesNotContain(
            new[] { body.ShippingAddress.FullName, body.ShippingAddress.Street, body.ShippingAddress.City, body.ShippingAddress.PostalCode, body.ShippingAddress.Country, body.Payment.CardHolder },
            BoundaryText.HasForbiddenCharacter));
        output.WriteLine(tally.AssertNoServerErrors());
    }

    [Theory]
    [InlineData("/?page=x", "the page number")]
    [InlineData("/?brand=x&type=1.5", "the brand, the type")]
    [InlineData("/?page=99999999999", "the page number")]
    [InlineData("/?q=A%00B", "the search")]
    public async Task A_catalog_address_with_values_that_do_not_read_shows_the_page_and_says_what_was_left_out(string url, string leftOut)
    {
        using var shopper = fixture.NewShopper();

        var html = await shopper.GetPageAsync(url);

        Assert.Contains($"could not be read and was left out: {leftOut}.", html, StringComparison.Ordinal);
        Assert.Contains("Alpine Trail Backpack", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_checkout_form_with_a_control_character_names_the_field_and_sends_nothing()
    {
        using var shopper = fixture.NewShopper();
        await shopper.AddToBasketAsync(fixture.Backpack.Id, 1);
        var before = fixture.Shop.Checkouts.Count;
        var form = CheckoutTests.Filled(await shopper.GetFormAsync("/checkout", "checkout")).With("Form.FullName", "A\u0000da");

        // Multipart, as the report did: a URL-encoded NUL is refused before the page (see the test above).
        using var response = await shopper.Browser.PostAsync(new Uri(form.Action, UriKind.Relative), Multipart(form));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<div id=\"fullName-error\"><div class=\"validation-message\">Remove the control characters from this field.</div>", html, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Shop.Checkouts.Count);
    }

    private static MultipartFormDataContent Multipart(HtmlForm form)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in form.Fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }
}
