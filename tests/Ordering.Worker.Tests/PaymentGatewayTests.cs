using Microsoft.Extensions.DependencyInjection;
using Shop.Ordering.Worker.Payments;
using Shop.Ordering.Worker.Tests.Infrastructure;

namespace Shop.Ordering.Worker.Tests;

/// <summary>The simulated gateway's ledger, asked directly: each card's answer, the first answer standing on every
/// later attempt, and one answer for concurrent attempts with one key.</summary>
[Collection(Servers.Name)]
public sealed class PaymentGatewayTests(ServersFixture servers)
{
    [Fact]
    public async Task The_fails_once_card_fails_on_the_first_attempt_then_approves_and_keeps_that_charge_on_every_later_attempt()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var gateway = (await scenario.StartWorkerAsync()).Services.GetRequiredService<IPaymentGateway>();
        var request = Request(TestOrders.FailsOnceCard);

        await Assert.ThrowsAsync<PaymentGatewayUnavailableException>(() => gateway.ChargeAsync(request, CancellationToken.None));
        Assert.Equal((1L, 1, null), await scenario.Database.ReadChargesAsync(request.IdempotencyKey));
        var second = await gateway.ChargeAsync(request, CancellationToken.None);
        var third = await gateway.ChargeAsync(request, CancellationToken.None);

        Assert.True(second.Approved);
        Assert.StartsWith("ch_", second.ChargeId, StringComparison.Ordinal);
        Assert.Equal(second, third);
        Assert.Equal((1L, 3, "approved"), await scenario.Database.ReadChargesAsync(request.IdempotencyKey));
    }

    [Fact]
    public async Task The_declined_card_is_declined_without_a_charge_and_asking_again_changes_nothing()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var gateway = (await scenario.StartWorkerAsync()).Services.GetRequiredService<IPaymentGateway>();
        var request = Request(TestOrders.DeclinedCard);

        var first = await gateway.ChargeAsync(request, CancellationToken.None);
        var again = await gateway.ChargeAsync(request, CancellationToken.None);

        Assert.Equal(new PaymentResult(Approved: false, ChargeId: null), first);
        Assert.Equal(first, again);
        Assert.Equal((1L, 2, "declined"), await scenario.Database.ReadChargesAsync(request.IdempotencyKey));
    }

    [Fact]
    public async Task Ten_concurrent_attempts_with_one_key_all_get_the_same_charge()
    {
        await using var scenario = await OrderingScenario.CreateAsync(servers);
        var gateway = (await scenario.StartWorkerAsync()).Services.GetRequiredService<IPaymentGateway>();
        var request = Request(TestOrders.ApprovedCard);

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => gateway.ChargeAsync(request, CancellationToken.None)));

        Assert.Single(answers.Distinct());
        Assert.True(answers[0].Approved);
        Assert.Equal((1L, 10, "approved"), await scenario.Database.ReadChargesAsync(request.IdempotencyKey));
    }

    private static PaymentRequest Request(string cardLast4) => new(Guid.NewGuid(), $"tok_{Guid.NewGuid():N}", cardLast4, 21.00m);
}
