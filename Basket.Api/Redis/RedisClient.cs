using System.Globalization;

namespace Shop.Basket.Api.Redis;

/// <summary>A Redis client over one shared, pipelined connection, which it keeps open: after the server restarts or the
/// connection breaks, a background loop reconnects with exponential backoff. A command waits for a connection and its
/// reply within the command timeout altogether, and fails with a <see cref="RedisException"/> otherwise.</summary>
public sealed partial class RedisClient(RedisConnectionOptions options, ILogger<RedisClient> logger) : IAsyncDisposable
{
    private static readonly TimeSpan _firstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan _maxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _disposed = new();
    private TaskCompletionSource<RedisConnection> _connected = NewConnectedSource();
    private Task? _maintenance;
    private Exception? _lastConnectError;

    public RedisConnectionOptions Options { get; } = options;

    /// <summary>Starts connecting in the background, so that the first command finds the connection open; otherwise the
    /// first command starts it.</summary>
    public void StartConnecting() => GetConnectionTask();

    /// <summary>Sends one command. Calls made without awaiting each other are pipelined on the connection.</summary>
    public async Task<RedisReply> ExecuteAsync(RedisCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var started = Environment.TickCount64;
        var connectionTask = GetConnectionTask();
        var connection = connectionTask.IsCompletedSuccessfully ? connectionTask.Result : await WaitForConnectionAsync(connectionTask, cancellationToken);
        var reply = connection.SendAsync(command, cancellationToken);
        var remaining = Options.CommandTimeout - TimeSpan.FromMilliseconds(Environment.TickCount64 - started);
        try
        {
            // The connection's watchdog replaces a stalled connection; this bounds the wait for this one command too.
            return await reply.WaitAsync(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new RedisTimeoutException(
                $"Redis at {Options} did not answer {command} within {Options.CommandTimeout.TotalMilliseconds} ms.");
        }
    }

    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        var reply = await ExecuteAsync(new RedisCommand("PING"), cancellationToken);
        if (reply.AsString() != "PONG")
        {
            throw new RedisConnectionException($"Redis at {Options} answered PING with '{reply}'.");
        }
    }

    /// <summary>Every field and value of a hash; empty when the key does not exist.</summary>
    public async Task<IReadOnlyDictionary<string, string>> HashGetAllAsync(string key, CancellationToken cancellationToken = default)
    {
        var reply = await ExecuteAsync(new RedisCommand("HGETALL", key), cancellationToken);
        var fields = new Dictionary<string, string>(reply.Items.Count / 2, StringComparer.Ordinal);
        for (var i = 0; i + 1 < reply.Items.Count; i += 2)
        {
            fields[reply.Items[i].AsString()!] = reply.Items[i + 1].AsString()!;
        }

        return fields;
    }

    /// <summary>Deletes keys; returns how many existed.</summary>
    public async Task<long> DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        (await ExecuteAsync(new RedisCommand("DEL", key), cancellationToken)).AsInteger();

    /// <summary>Remaining time to live; null when the key does not exist or never expires.</summary>
    public async Task<TimeSpan?> TimeToLiveAsync(string key, CancellationToken cancellationToken = default) =>
        (await ExecuteAsync(new RedisCommand("PTTL", key), cancellationToken)).AsInteger() is var milliseconds and >= 0
            ? TimeSpan.FromMilliseconds(milliseconds)
            : null;

    /// <summary>Runs a Lua script by its SHA1 (EVALSHA), sending its source (EVAL) only when the server does not have it
    /// cached yet, after a restart for instance. The script runs atomically: no other command interleaves with it.</summary>
    public async Task<RedisReply> EvaluateAsync(
        RedisScript script, IReadOnlyList<string> keys, IReadOnlyList<string> arguments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(arguments);
        string[] tail = [keys.Count.ToString(CultureInfo.InvariantCulture), .. keys, .. arguments];
        try
        {
            return await ExecuteAsync(new RedisCommand("EVALSHA", [script.Sha1, .. tail]), cancellationToken);
        }
        catch (RedisServerException ex) when (ex.ErrorCode == "NOSCRIPT")
        {
            return await ExecuteAsync(new RedisCommand("EVAL", [script.Source, .. tail]), cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task? maintenance;
        lock (_gate)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            _disposed.Cancel();
            maintenance = _maintenance;
        }

        if (maintenance is not null)
        {
            await maintenance;
        }

        _connected.TrySetException(new ObjectDisposedException(nameof(RedisClient)));
        _disposed.Dispose();
    }

    /// <summary>The current connection, or the promise of the next one; the first call starts the maintenance loop.</summary>
    private Task<RedisConnection> GetConnectionTask()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            _maintenance ??= Task.Run(MaintainConnectionAsync);
            return _connected.Task;
        }
    }

    private async Task<RedisConnection> WaitForConnectionAsync(Task<RedisConnection> connecting, CancellationToken cancellationToken)
    {
        // Waiting cannot help while the server refuses the credentials: say so at once.
        if (Volatile.Read(ref _lastConnectError) is RedisAuthenticationException refused)
        {
            throw new RedisAuthenticationException(refused.Message);
        }

        try
        {
            return await connecting.WaitAsync(Options.CommandTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            var last = Volatile.Read(ref _lastConnectError);
            throw last is RedisAuthenticationException authentication
                ? new RedisAuthenticationException(authentication.Message)
                : new RedisConnectionException($"No connection to Redis at {Options} within {Options.CommandTimeout.TotalMilliseconds} ms"
                    + (last is null ? "." : $": {last.Message}"), last);
        }
    }

    private async Task MaintainConnectionAsync()
    {
        var failures = 0;
        var token = _disposed.Token;
        while (!token.IsCancellationRequested)
        {
            RedisConnection connection;
            try
            {
                connection = await RedisConnection.OpenAsync(Options, token);
            }
            catch (RedisException ex)
            {
                if (token.IsCancellationRequested)
                {
                    return;
                }

                Volatile.Write(ref _lastConnectError, ex);
                if (ex is RedisAuthenticationException)
                {
                    FailWaiters(ex);
                }

                var delay = RetryDelay(failures++);
                LogConnectFailed(Options.ToString(), delay.TotalMilliseconds, ex.Message);
                await Task.Delay(delay, token).ContinueWith(static _ => { }, TaskScheduler.Default);
                continue;
            }
            catch (OperationCanceledException)
            {
                return;
            }

            failures = 0;
            Volatile.Write(ref _lastConnectError, null);
            _connected.TrySetResult(connection);
            LogConnected(Options.ToString());

            var reason = await connection.Closed.WaitAsync(token).ContinueWith(
                closed => closed.IsCompletedSuccessfully ? closed.Result : null, TaskScheduler.Default);
            lock (_gate)
            {
                _connected = NewConnectedSource();
            }

            await connection.DisposeAsync();
            if (reason is not null)
            {
                LogConnectionLost(Options.ToString(), reason.Message);
            }
        }
    }

    /// <summary>Commands waiting for a connection learn at once that the credentials are wrong; later ones learn it
    /// from <see cref="_lastConnectError"/>.</summary>
    private void FailWaiters(RedisException reason)
    {
        TaskCompletionSource<RedisConnection> waiting;
        lock (_gate)
        {
            waiting = _connected;
            _connected = NewConnectedSource();
        }

        waiting.TrySetException(new RedisAuthenticationException(reason.Message));
    }

    /// <summary>After each failed attempt: 100 ms, doubling up to 5 s, each with ±20 % jitter so that replicas do not reconnect in step.</summary>
    private static TimeSpan RetryDelay(int failures)
    {
        var delay = Math.Min(_firstRetryDelay.TotalMilliseconds * Math.Pow(2, failures), _maxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(delay * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    private static TaskCompletionSource<RedisConnection> NewConnectedSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to Redis at {Endpoint}")]
    private partial void LogConnected(string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection to Redis at {Endpoint}: {Reason}")]
    private partial void LogConnectionLost(string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to Redis at {Endpoint}, retrying in {DelayMs:0} ms: {Reason}")]
    private partial void LogConnectFailed(string endpoint, double delayMs, string reason);
}
