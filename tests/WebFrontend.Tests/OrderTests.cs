using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shop.WebFrontend.Tests;

[Collection(InProcessFrontend.Name)]
public sealed class OrderTests(FrontendFixture fixture)
{
    [Fact]
    public async Task The_order_page_shows_the_status_with_its_reason_and_the_status_endpoint_follows_it()
    {
        using var shopper = fixture.NewShopper();
        var order = await PlaceOrderAsync(shopper);
        order.Status = "Cancelled";
        order.Reason = "payment declined";

        var html = await shopper.GetPageAsync($"/orders/{order.Id}");
        var status = await shopper.Browser.GetFromJsonAsync<JsonElement>($"/orders/{order.Id}/status");

        Assert.Contains("data-testid=\"order-status\">Cancelled</span>", html, StringComparison.Ordinal);
        Assert.Contains("Reason: payment declined", html, StringComparison.Ordinal);
        Assert.Contains("data-order-status-url=\"/orders/" + order.Id + "/status\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"js/order-status", html, StringComparison.Ordinal);
        Assert.Contains("data-order-cancel hidden", html, StringComparison.Ordinal);
        Assert.Equal("Cancelled", status.GetProperty("status").GetString());
        Assert.Equal("payment declined", status.GetProperty("reason").GetString());
        Assert.True(status.GetProperty("isFinal").GetBoolean());
    }

    [Fact]
    public async Task Another_shopper_can_neither_see_nor_follow_an_order_and_lists_none()
    {
        using var owner = fixture.NewShopper();
        using var stranger = fixture.NewShopper();
        var order = await PlaceOrderAsync(owner);
        await stranger.AddToBasketAsync(fixture.Backpack.Id, 1);

        using var page = await stranger.Browser.GetAsync(new Uri($"/orders/{order.Id}", UriKind.Relative));
        using var status = await stranger.Browser.GetAsync(new Uri($"/orders/{order.Id}/status", UriKind.Relative));
        var list = await stranger.GetPageAsync("/orders");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Page not found", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Contains("You have no orders yet.", list, StringComparison.Ordinal);
        Assert.Contains(order.Id.ToString("N")[..8].ToUpperInvariant(), await owner.GetPageAsync("/orders"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_order_can_be_cancelled_from_its_page()
    {
        using var shopper = fixture.NewShopper();
        var order = await PlaceOrderAsync(shopper);
        var cancel = await shopper.GetFormAsync($"/orders/{order.Id}", "cancel-order");

        using var response = await cancel.SubmitAsync(shopper.Browser);

        Assert.Equal($"/orders/{order.Id}", ShopperSession.RedirectedTo(response));
        Assert.Equal("Cancelled", order.Status);
        Assert.Contains("Reason: cancelled by the shopper", await shopper.GetPageAsync($"/orders/{order.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_an_order_that_was_paid_meanwhile_says_it_is_too_late()
    {
        using var shopper = fixture.NewShopper();
        var order = await PlaceOrderAsync(shopper);
        var cancel = await shopper.GetFormAsync($"/orders/{order.Id}", "cancel-order");
        order.Status = "Paid";

        using var response = await cancel.SubmitAsync(shopper.Browser);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This order can no longer be cancelled.", html, StringComparison.Ordinal);
        Assert.Equal("Paid", order.Status);
    }

    [Fact]
    public async Task A_just_placed_order_that_ordering_has_not_recorded_yet_shows_as_submitted_and_watched()
    {
        using var shopper = fixture.NewShopper();
        await shopper.AddToBasketAsync(fixture.Backpack.Id, 1);
        var notYetRecorded = Guid.NewGuid();

        var html = await shopper.GetPageAsync($"/orders/{notYetRecorded}?placed=true");
        using var withoutConfirmation = await shopper.Browser.GetAsync(new Uri($"/orders/{notYetRecorded}", UriKind.Relative));

        Assert.Contains("Thank you, your order is placed.", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"order-status\">Submitted</span>", html, StringComparison.Ordinal);
        Assert.Contains("data-order-recording", html, StringComparison.Ordinal);
        Assert.Contains($"data-order-status-url=\"/orders/{notYetRecorded}/status?recording=true\"", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"js/order-status", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, withoutConfirmation.StatusCode);
    }

    [Fact]
    public async Task The_status_of_an_order_not_recorded_yet_is_202_while_it_is_awaited_and_404_otherwise()
    {
        using var shopper = fixture.NewShopper();
        await shopper.AddToBasketAsync(fixture.Backpack.Id, 1);
        var notYetRecorded = Guid.NewGuid();

        using var awaited = await shopper.Browser.GetAsync(new Uri($"/orders/{notYetRecorded}/status?recording=true", UriKind.Relative));
        using var unknown = await shopper.Browser.GetAsync(new Uri($"/orders/{notYetRecorded}/status", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Accepted, awaited.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>An order placed through the shop's own pages, so it belongs to this shopper's buyer id.</summary>
    private async Task<FakeOrder> PlaceOrderAsync(ShopperSession shopper)
    {
        await shopper.AddToBasketAsync(fixture.Backpack.Id, 1);
        var form = (await shopper.GetFormAsync("/checkout", "checkout"))
            .With("Form.FullName", "Ada Lovelace").With("Form.Street", "1 Analytical Way").With("Form.PostalCode", "N1 1AA")
            .With("Form.City", "London").With("Form.Country", "United Kingdom").With("Form.CardNumber", "4242424242424242")
            .With("Form.CardHolder", "Ada Lovelace").With("Form.ExpiryMonth", "1")
            .With("Form.ExpiryYear", (DateTime.UtcNow.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).With("Form.Cvc", "123");
        using var response = await form.SubmitAsync(shopper.Browser);
        var location = ShopperSession.RedirectedTo(response) ?? throw new InvalidOperationException("The checkout did not redirect.");
        return fixture.Shop.Orders[Guid.Parse(location["/orders/".Length..location.IndexOf('?', StringComparison.Ordinal)])];
    }
}
