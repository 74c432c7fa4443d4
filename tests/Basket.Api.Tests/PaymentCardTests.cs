using Shop.Basket.Api.Model;

namespace Shop.Basket.Api.Tests;

public sealed class PaymentCardTests
{
    [Theory]
    [InlineData("4242424242424242", true)]
    [InlineData("4242 4242 4242 4242", true)]
    [InlineData("4000-0000-0000-9995", true)]
    [InlineData("4222222222222", true)]
    [InlineData("4242424242424241", false)]
    [InlineData("424242424242", false)]
    [InlineData("42424242424242424242", false)]
    [InlineData("4242x4242x4242x4242", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_card_number_needs_13_to_19_digits_and_a_valid_Luhn_check_digit(string? number, bool valid)
    {
        Assert.Equal(valid, PaymentCard.IsValidNumber(number));
    }

    [Theory]
    [InlineData("123", true)]
    [InlineData("1234", true)]
    [InlineData("12", false)]
    [InlineData("12345", false)]
    [InlineData("12a", false)]
    [InlineData(null, false)]
    public void A_CVC_is_3_or_4_digits(string? cvc, bool valid)
    {
        Assert.Equal(valid, PaymentCard.IsValidCvc(cvc));
    }

    [Fact]
    public void A_card_is_good_through_the_last_day_of_its_expiry_month()
    {
        var lastDay = new DateTimeOffset(2027, 3, 31, 23, 59, 0, TimeSpan.Zero);

        Assert.False(PaymentCard.HasExpired(2027, 3, lastDay));
        Assert.True(PaymentCard.HasExpired(2027, 2, lastDay));
        Assert.True(PaymentCard.HasExpired(2026, 12, lastDay));
    }

    [Fact]
    public void The_token_carries_the_last_four_digits_and_nothing_else_of_the_number()
    {
        var first = PaymentCard.Tokenize("4000 0000 0000 0002", " Grace Hopper ");
        var second = PaymentCard.Tokenize("4000 0000 0000 0002", "Grace Hopper");

        Assert.Equal(("0002", "Grace Hopper"), (first.CardLast4, first.CardHolder));
        Assert.Matches("^tok_[0-9a-f]{24}$", first.CardToken);
        Assert.NotEqual(first.CardToken, second.CardToken);
    }
}
