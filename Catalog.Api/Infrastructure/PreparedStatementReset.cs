using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Shop.Catalog.Api.Infrastructure;

/// <summary>Keeps one failed statement from poisoning its pooled connection. Npgsql auto-prepares a statement on its
/// fifth use on a connection by sending Parse and Bind together. When PostgreSQL accepts the Parse but fails the Bind
/// (a parameter value it cannot take, such as NUL in text: 22021), Npgsql 10 keeps the statement as prepared without
/// its result description; the next use of that statement on that connection runs on the server, then fails in the
/// client with "Received unexpected backend message DataRow", although its row was written. So a connection on which
/// PostgreSQL refused a command forgets its prepared statements before it goes back to the pool.</summary>
internal sealed class PreparedStatementReset : DbCommandInterceptor, IDbConnectionInterceptor
{
    private readonly ConditionalWeakTable<DbConnection, object> _refused = [];

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Remember(eventData);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Remember(eventData);
        return Task.CompletedTask;
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Reset(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Reset(connection);
        return ValueTask.FromResult(result);
    }

    /// <summary>Only the server's refusals: after a network failure the connection is broken and will not be reused.</summary>
    private void Remember(CommandErrorEventData eventData)
    {
        if (eventData.Exception is PostgresException or { InnerException: PostgresException } && eventData.Connection is { } connection)
        {
            _refused.AddOrUpdate(connection, this);
        }
    }

    /// <summary>At closing time any transaction has ended, so the server takes the DEALLOCATE ALL that this sends.</summary>
    private void Reset(DbConnection connection)
    {
        if (_refused.Remove(connection) && connection is NpgsqlConnection { State: System.Data.ConnectionState.Open } npgsql)
        {
            npgsql.UnprepareAll();
        }
    }
}
