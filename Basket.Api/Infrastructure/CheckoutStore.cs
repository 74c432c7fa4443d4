using Shop.Basket.Api.Model;
using StackExchange.Redis;

namespace Shop.Basket.Api.Infrastructure;

/// <summary>How a checkout attempt starts: the order id the idempotency key stands for (fixed by the first attempt),
/// whether that order was already submitted, and whether this attempt may submit it.</summary>
public sealed record CheckoutAttempt(Guid OrderId, bool IsCompleted, bool HasLock, string LockOwner);

/// <summary>Idempotency records in Redis: <c>(buyer, Idempotency-Key) → order id + state</c>, written before anything is
/// sent, and a short lock so that only one attempt per key sends at a time. An attempt that fails before sending, or
/// crashes after it, leaves the record pending with its order id: the next attempt with the same key resumes it and
/// sends the same order id (so a consumer can drop a duplicate); a completed record answers with that id and nothing
/// else.</summary>
public sealed class CheckoutStore(IConnectionMultiplexer redis)
{
    /// <summary>How long a key is remembered, as payment APIs commonly do.</summary>
    public static readonly TimeSpan RecordLifetime = TimeSpan.FromHours(24);

    /// <summary>Longer than an attempt may take (catalog call, send timeout), so a lock outlives its holder only after
    /// a crash.</summary>
    public static readonly TimeSpan LockLifetime = TimeSpan.FromSeconds(60);

    // KEYS[1] record, KEYS[2] lock; ARGV proposed order id, lock owner, lock ms, record seconds.
    // Returns {orderId, state, 1 if locked}.
    private const string BeginScript = """
        local orderId = redis.call('HGET', KEYS[1], 'orderId')
        local state = 'pending'
        if orderId then
          state = redis.call('HGET', KEYS[1], 'state')
        else
          orderId = ARGV[1]
          redis.call('HSET', KEYS[1], 'orderId', orderId, 'state', state)
          redis.call('EXPIRE', KEYS[1], ARGV[4])
        end
        if state == 'done' then
          return {orderId, state, 0}
        end
        local locked = redis.call('SET', KEYS[2], ARGV[2], 'NX', 'PX', ARGV[3])
        return {orderId, state, locked and 1 or 0}
        """;

    // KEYS[1] basket, KEYS[2] record, KEYS[3] lock; ARGV lock owner, basket expiry seconds, then product/quantity pairs.
    // Takes the ordered quantities out of the basket (lines changed meanwhile keep the difference) and marks the record
    // done, once: a second completion of the same order takes nothing.
    private const string CompleteScript = """
        if redis.call('HGET', KEYS[2], 'state') ~= 'done' then
          for i = 3, #ARGV, 2 do
            local current = redis.call('HGET', KEYS[1], ARGV[i])
            if current then
              local quantity, price = string.match(current, '^(%d+)|(.*)$')
              local left = tonumber(quantity) - tonumber(ARGV[i + 1])
              if left > 0 then
                redis.call('HSET', KEYS[1], ARGV[i], left .. '|' .. price)
              else
                redis.call('HDEL', KEYS[1], ARGV[i])
              end
            end
          end
          if redis.call('EXISTS', KEYS[1]) == 1 then
            redis.call('EXPIRE', KEYS[1], ARGV[2])
          end
          redis.call('HSET', KEYS[2], 'state', 'done')
        end
        if redis.call('GET', KEYS[3]) == ARGV[1] then
          redis.call('DEL', KEYS[3])
        end
        return 1
        """;

    // KEYS[1] record, KEYS[2] lock; ARGV lock owner, '1' to forget a pending record (nothing was sent for it).
    private const string ReleaseScript = """
        if redis.call('GET', KEYS[2]) == ARGV[1] then
          redis.call('DEL', KEYS[2])
          if ARGV[2] == '1' and redis.call('HGET', KEYS[1], 'state') == 'pending' then
            redis.call('DEL', KEYS[1])
          end
        end
        return 1
        """;

    public async Task<CheckoutAttempt> BeginAsync(string buyerId, string idempotencyKey, CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        RedisKey[] keys = [BasketKeys.Checkout(buyerId, idempotencyKey), BasketKeys.CheckoutLock(buyerId, idempotencyKey)];
        RedisResult[] reply;
        try
        {
            reply = (RedisResult[])(await Database.ScriptEvaluateAsync(
                BeginScript, keys, [Guid.NewGuid().ToString(), owner, (long)LockLifetime.TotalMilliseconds, (long)RecordLifetime.TotalSeconds])
                .WaitAsync(cancellationToken))!;
        }
        catch (Exception ex) when (ex is RedisException or RedisTimeoutException or OperationCanceledException)
        {
            // Unanswered is not undone: a paused or slow server still runs the script once it reads it, and would take a
            // lock for an attempt that has given up, shutting out the shopper's retries for the lock's whole lifetime.
            // The multiplexer writes this release after the script on the same connection, so the server runs it after
            // the script and frees that lock at once; it deletes only this attempt's own lock, never another's.
            _ = Database.ScriptEvaluateAsync(ReleaseScript, keys, [owner, "0"], CommandFlags.FireAndForget);
            throw;
        }

        return new CheckoutAttempt(Guid.Parse((string)reply[0]!), (string?)reply[1] == "done", (int)reply[2] == 1, owner);
    }

    /// <summary>After the order was sent: the basket loses the ordered lines and the key is done.</summary>
    public async Task CompleteAsync(
        string buyerId, string idempotencyKey, CheckoutAttempt attempt, IReadOnlyList<BasketLine> ordered, CancellationToken cancellationToken)
    {
        List<RedisValue> arguments = [attempt.LockOwner, (long)BasketStore.Expiry.TotalSeconds];
        foreach (var line in ordered)
        {
            arguments.Add(line.ProductId);
            arguments.Add(line.Quantity);
        }

        await Database.ScriptEvaluateAsync(
            CompleteScript,
            [BasketKeys.Basket(buyerId), BasketKeys.Checkout(buyerId, idempotencyKey), BasketKeys.CheckoutLock(buyerId, idempotencyKey)],
            [.. arguments])
            .WaitAsync(cancellationToken);
    }

    /// <summary>After an attempt that sent nothing. <paramref name="forget"/> frees the key for a later checkout.</summary>
    public async Task ReleaseAsync(string buyerId, string idempotencyKey, CheckoutAttempt attempt, bool forget, CancellationToken cancellationToken) =>
        await Database.ScriptEvaluateAsync(
            ReleaseScript,
            [BasketKeys.Checkout(buyerId, idempotencyKey), BasketKeys.CheckoutLock(buyerId, idempotencyKey)],
            [attempt.LockOwner, forget ? "1" : "0"])
            .WaitAsync(cancellationToken);

    private IDatabase Database => redis.GetDatabase();
}
