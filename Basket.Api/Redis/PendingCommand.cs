namespace Shop.Basket.Api.Redis;

/// <summary>A command on its way: queued for writing, then awaiting its reply, which the connection matches by order.</summary>
internal sealed class PendingCommand
{
    private readonly TaskCompletionSource<RedisReply> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _cancellation;

    public PendingCommand(RedisCommand command, CancellationToken cancellationToken)
    {
        Command = command;
        if (cancellationToken.CanBeCanceled)
        {
            // The caller stops waiting; the reply, when it comes, is still consumed in its turn and dropped.
            _cancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((PendingCommand)state!)._reply.TrySetCanceled(token), this);
        }
    }

    public RedisCommand Command { get; }

    /// <summary>Environment.TickCount64 when the command was handed to the socket.</summary>
    public long SentAt { get; set; }

    public Task<RedisReply> Reply => _reply.Task;

    /// <summary>A caller that gave up before the command was written: it need not be sent at all.</summary>
    public bool IsAbandoned => _reply.Task.IsCompleted;

    public void Complete(RedisReply reply)
    {
        if (reply.Kind == RedisReplyKind.Error)
        {
            _reply.TrySetException(RedisServerException.From(reply.Text!));
        }
        else
        {
            _reply.TrySetResult(reply);
        }

        _cancellation.Dispose();
    }

    public void Fail(Exception exception)
    {
        _reply.TrySetException(exception);
        _cancellation.Dispose();
    }
}
