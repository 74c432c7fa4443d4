using System.Globalization;
using Shop.Basket.Api.Model;
using StackExchange.Redis;

namespace Shop.Basket.Api.Infrastructure;

/// <summary>What a line update did: <see cref="Quantity"/> is the line's quantity afterwards, or, when refused, before.</summary>
public sealed record LineUpdate(LineUpdateOutcome Outcome, int Quantity);

public enum LineUpdateOutcome
{
    Updated,
    TooManyLines,
    QuantityLimitExceeded,
}

/// <summary>Baskets in Redis: a hash per buyer, changed only by Lua scripts, which Redis runs atomically. Concurrent
/// requests therefore never lose each other's changes, and the line limits hold under any interleaving. Every change
/// restarts the basket's 30-day expiry. Scripts go to StackExchange.Redis as source: it loads each one once per server
/// (SCRIPT LOAD) and then sends only its hash (EVALSHA), loading it again when a restarted server answers NOSCRIPT.</summary>
public sealed class BasketStore(IConnectionMultiplexer redis)
{
    public static readonly TimeSpan Expiry = TimeSpan.FromDays(30);

    private static readonly string _expirySeconds = ((long)Expiry.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    // KEYS[1] basket; ARGV product, quantity, price, mode ('set' or 'add'), max lines, max quantity, expiry seconds.
    // Returns {outcome, quantity}: 0 updated (new quantity), 1 too many lines, 2 quantity limit (current quantity).
    private const string UpdateLineScript = """
        local current = redis.call('HGET', KEYS[1], ARGV[1])
        local existing = 0
        if current then
          existing = tonumber(string.match(current, '^(%d+)|'))
        elseif redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[5]) then
          return {1, 0}
        end
        local quantity = tonumber(ARGV[2])
        if ARGV[4] == 'add' then
          quantity = quantity + existing
        end
        if quantity > tonumber(ARGV[6]) then
          return {2, existing}
        end
        redis.call('HSET', KEYS[1], ARGV[1], quantity .. '|' .. ARGV[3])
        redis.call('EXPIRE', KEYS[1], ARGV[7])
        return {0, quantity}
        """;

    // KEYS[1] basket; ARGV product, expiry seconds.
    private const string RemoveLineScript = """
        local removed = redis.call('HDEL', KEYS[1], ARGV[1])
        if removed == 1 and redis.call('EXISTS', KEYS[1]) == 1 then
          redis.call('EXPIRE', KEYS[1], ARGV[2])
        end
        return removed
        """;

    // KEYS[1] the account's basket, KEYS[2] the anonymous one; ARGV max lines, max quantity, expiry seconds. Adds each
    // anonymous line (in product order) to the account's: a quantity sum is clamped to the cap, a product that would
    // exceed the lines cap is left out, an existing line keeps its price when added. Then deletes the anonymous basket,
    // all in one step: no one ever sees the lines in both baskets or in neither.
    private const string MergeScript = """
        local from = redis.call('HGETALL', KEYS[2])
        if #from == 0 then
          return 0
        end
        local lines = {}
        for i = 1, #from, 2 do
          local quantity, price = string.match(from[i + 1], '^(%d+)|(.+)$')
          if quantity and string.match(from[i], '^%d+$') then
            table.insert(lines, {tonumber(from[i]), tonumber(quantity), price})
          end
        end
        table.sort(lines, function(a, b) return a[1] < b[1] end)
        for _, line in ipairs(lines) do
          local current = redis.call('HGET', KEYS[1], line[1])
          local existing, price = 0, line[3]
          if current then
            local quantity, kept = string.match(current, '^(%d+)|(.+)$')
            if quantity then
              existing, price = tonumber(quantity), kept
            end
          end
          if current or redis.call('HLEN', KEYS[1]) < tonumber(ARGV[1]) then
            redis.call('HSET', KEYS[1], line[1], math.min(existing + line[2], tonumber(ARGV[2])) .. '|' .. price)
          end
        end
        redis.call('DEL', KEYS[2])
        if redis.call('EXISTS', KEYS[1]) == 1 then
          redis.call('EXPIRE', KEYS[1], ARGV[3])
        end
        return 1
        """;

    public async Task<IReadOnlyList<BasketLine>> GetLinesAsync(string buyerId, CancellationToken cancellationToken)
    {
        var fields = await Database.HashGetAllAsync(BasketKeys.Basket(buyerId)).WaitAsync(cancellationToken);
        return [.. fields.Select(field => BasketLine.Parse(field.Name!, field.Value!)).OfType<BasketLine>().OrderBy(line => line.ProductId)];
    }

    /// <summary>Sets the line's quantity, adding the line if it is new.</summary>
    public Task<LineUpdate> SetQuantityAsync(string buyerId, int productId, int quantity, decimal price, CancellationToken cancellationToken) =>
        UpdateLineAsync(buyerId, productId, quantity, price, "set", cancellationToken);

    /// <summary>Adds to the line's quantity, adding the line if it is new.</summary>
    public Task<LineUpdate> AddQuantityAsync(string buyerId, int productId, int quantity, decimal price, CancellationToken cancellationToken) =>
        UpdateLineAsync(buyerId, productId, quantity, price, "add", cancellationToken);

    public async Task RemoveLineAsync(string buyerId, int productId, CancellationToken cancellationToken) =>
        await Database.ScriptEvaluateAsync(RemoveLineScript, [BasketKeys.Basket(buyerId)], [productId, _expirySeconds]).WaitAsync(cancellationToken);

    public async Task ClearAsync(string buyerId, CancellationToken cancellationToken) =>
        await Database.KeyDeleteAsync(BasketKeys.Basket(buyerId)).WaitAsync(cancellationToken);

    /// <summary>Moves the anonymous buyer's basket into the account's (see MergeScript); the anonymous basket is gone
    /// afterwards, so a repeated merge changes nothing.</summary>
    public async Task MergeAsync(string fromBuyerId, string toBuyerId, CancellationToken cancellationToken) =>
        await Database.ScriptEvaluateAsync(
            MergeScript,
            [BasketKeys.Basket(toBuyerId), BasketKeys.Basket(fromBuyerId)],
            [BasketLine.MaxLines, BasketLine.MaxQuantity, _expirySeconds])
            .WaitAsync(cancellationToken);

    private async Task<LineUpdate> UpdateLineAsync(
        string buyerId, int productId, int quantity, decimal price, string mode, CancellationToken cancellationToken)
    {
        var reply = (RedisResult[])(await Database.ScriptEvaluateAsync(
            UpdateLineScript,
            [BasketKeys.Basket(buyerId)],
            [productId, quantity, BasketLine.FormatPrice(price), mode, BasketLine.MaxLines, BasketLine.MaxQuantity, _expirySeconds])
            .WaitAsync(cancellationToken))!;
        return new LineUpdate((LineUpdateOutcome)(int)reply[0], (int)reply[1]);
    }

    private IDatabase Database => redis.GetDatabase();
}
