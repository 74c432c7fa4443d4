using System.Buffers;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;

namespace Shop.Basket.Api.Redis;

/// <summary>One pipelined connection: any number of commands in flight, written in order by one writer loop and
/// answered in the same order, which a reader loop uses to match replies. The first failure closes it for good and fails
/// every command still pending; <see cref="RedisClient"/> then opens a new one.</summary>
internal sealed class RedisConnection : IAsyncDisposable
{
    // Bytes written per socket write at most; everything queued meanwhile goes in the next write.
    private const int MaxBatchBytes = 64 * 1024;

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly TimeSpan _commandTimeout;
    private readonly Channel<PendingCommand> _outbox = Channel.CreateUnbounded<PendingCommand>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentQueue<PendingCommand> _awaitingReply = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<Exception> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Timer _watchdog;
    private long _lastReceivedAt = Environment.TickCount64;
    private Task _loops = Task.CompletedTask;

    private RedisConnection(Socket socket, Stream stream, string endpoint, TimeSpan commandTimeout)
    {
        _socket = socket;
        _stream = stream;
        Endpoint = endpoint;
        _commandTimeout = commandTimeout;
        var period = TimeSpan.FromMilliseconds(Math.Clamp(commandTimeout.TotalMilliseconds / 4, 10, 1000));
        _watchdog = new Timer(static state => ((RedisConnection)state!).CheckForStall(), this, period, period);
    }

    public string Endpoint { get; }

    public bool IsOpen => !_closed.Task.IsCompleted;

    /// <summary>Completes, with the reason, when the connection can no longer be used.</summary>
    public Task<Exception> Closed => _closed.Task;

    /// <summary>Connects, negotiates TLS and logs in, all within the connect timeout.</summary>
    public static async Task<RedisConnection> OpenAsync(RedisConnectionOptions options, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        // Keep-alive probes find a peer that vanished without closing (a failed-over VM) even on an idle connection.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
        RedisConnection? connection = null;
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Ssl)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsClientAsync(TlsOptions(options), timeout.Token);
            }

            connection = new RedisConnection(socket, stream, options.ToString(), options.CommandTimeout);
            connection.Start();
            if (options.Password is { } password)
            {
                var auth = options.User is { } user ? new RedisCommand("AUTH", user, password) : new RedisCommand("AUTH", password);
                await connection.SendAsync(auth, timeout.Token);
            }

            return connection;
        }
        catch (Exception ex)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            socket.Dispose();
            throw ex switch
            {
                RedisAuthenticationException => ex,
                RedisServerException server => new RedisAuthenticationException(server.Message),
                OperationCanceledException when !cancellationToken.IsCancellationRequested =>
                    new RedisConnectionException($"Could not connect to Redis at {options} within {options.ConnectTimeout.TotalMilliseconds} ms."),
                OperationCanceledException => ex,
                _ => new RedisConnectionException($"Could not connect to Redis at {options}: {ex.Message}", ex),
            };
        }
    }

    public Task<RedisReply> SendAsync(RedisCommand command, CancellationToken cancellationToken)
    {
        var pending = new PendingCommand(command, cancellationToken);
        if (!_outbox.Writer.TryWrite(pending))
        {
            pending.Fail(ClosedException());
        }

        return pending.Reply;
    }

    public async ValueTask DisposeAsync()
    {
        Close(new ObjectDisposedException(nameof(RedisConnection)));
        await _loops;
        await _watchdog.DisposeAsync();
        _stopping.Dispose();
    }

    private void Start()
    {
        var writing = Task.Run(WriteLoopAsync);
        var reading = Task.Run(ReadLoopAsync);
        _loops = Task.WhenAll(writing, reading).ContinueWith(
            _ => FailPending(),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task WriteLoopAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        var reader = _outbox.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stopping.Token))
            {
                while (buffer.WrittenCount < MaxBatchBytes && reader.TryRead(out var pending))
                {
                    if (pending.IsAbandoned)
                    {
                        continue;
                    }

                    RespWriter.Write(buffer, pending.Command);
                    pending.SentAt = Environment.TickCount64;
                    // Queued before the bytes leave, so the reader can never see a reply it has no command for.
                    _awaitingReply.Enqueue(pending);
                }

                if (buffer.WrittenCount > 0)
                {
                    await _stream.WriteAsync(buffer.WrittenMemory, _stopping.Token);
                    await _stream.FlushAsync(_stopping.Token);
                    buffer.ResetWrittenCount();
                }
            }
        }
        catch (Exception ex)
        {
            // Whatever stops the loop, the connection must close, or its commands would wait for nothing.
            Close(new RedisConnectionException($"Writing to Redis at {Endpoint} failed: {ex.Message}", ex));
        }
    }

    private async Task ReadLoopAsync()
    {
        var input = PipeReader.Create(_stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(_stopping.Token);
                Volatile.Write(ref _lastReceivedAt, Environment.TickCount64);
                var buffer = result.Buffer;
                while (RespParser.TryParse(ref buffer, out var reply))
                {
                    if (!_awaitingReply.TryDequeue(out var pending))
                    {
                        throw new InvalidDataException("Redis sent a reply to no command.");
                    }

                    pending.Complete(reply);
                }

                input.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    Close(new RedisConnectionException($"Redis at {Endpoint} closed the connection."));
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            Close(new RedisConnectionException($"Reading from Redis at {Endpoint} failed: {ex.Message}", ex));
        }
        finally
        {
            await input.CompleteAsync();
        }
    }

    /// <summary>Replies come in order, so when the oldest command has had no reply (and nothing at all arrived) for the
    /// command timeout, nothing behind it can be answered either: the server hangs or the network dropped the
    /// connection without a word. Closing fails them all now and lets the client reconnect.</summary>
    private void CheckForStall()
    {
        if (!_awaitingReply.TryPeek(out var oldest))
        {
            return;
        }

        var now = Environment.TickCount64;
        var limit = (long)_commandTimeout.TotalMilliseconds;
        if (now - oldest.SentAt > limit && now - Volatile.Read(ref _lastReceivedAt) > limit)
        {
            Close(new RedisTimeoutException(
                $"Redis at {Endpoint} did not answer {oldest.Command} within {limit} ms; the connection is being replaced."));
        }
    }

    private void Close(Exception reason)
    {
        if (!_closed.TrySetResult(reason))
        {
            return;
        }

        _outbox.Writer.TryComplete();
        _stopping.Cancel();
        // Unblocks a read or write the cancellation token cannot reach (SslStream, a full send buffer).
        _stream.Dispose();
        _socket.Dispose();
    }

    /// <summary>Once both loops have stopped, nothing else touches the queues.</summary>
    private void FailPending()
    {
        while (_awaitingReply.TryDequeue(out var pending))
        {
            pending.Fail(ClosedException());
        }

        while (_outbox.Reader.TryRead(out var pending))
        {
            pending.Fail(ClosedException());
        }
    }

    /// <summary>A fresh exception per command, of the kind that closed the connection.</summary>
    private Exception ClosedException()
    {
        var reason = _closed.Task.IsCompleted ? _closed.Task.Result : null;
        return reason switch
        {
            RedisTimeoutException timeout => new RedisTimeoutException(timeout.Message),
            ObjectDisposedException => new RedisConnectionException($"The connection to Redis at {Endpoint} was closed."),
            _ => new RedisConnectionException(reason?.Message ?? $"The connection to Redis at {Endpoint} is closed.", reason),
        };
    }

    private static SslClientAuthenticationOptions TlsOptions(RedisConnectionOptions options)
    {
        var tls = new SslClientAuthenticationOptions { TargetHost = options.Host };
        if (options.TrustedRootCertificate is { } root)
        {
            tls.CertificateChainPolicy = new X509ChainPolicy
            {
                TrustMode = X509ChainTrustMode.CustomRootTrust,
                CustomTrustStore = { root },
                RevocationMode = X509RevocationMode.NoCheck,
            };
        }

        return tls;
    }
}
