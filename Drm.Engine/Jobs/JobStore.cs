using System.Buffers;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Drm.Protocols.Snmp;
using Npgsql;
using NpgsqlTypes;

namespace Drm.Engine.Jobs;

/// <summary>
/// The engine's writes to jobs: claiming with a lease, progress, results (binary COPY), the final state. Each runs in
/// the tenant context of the job's ticket, so row-level security applies to the engine as to the API.
/// </summary>
public sealed class JobStore(TenantDatabase database)
{
    // Rows are sent in writes of this size: large enough that the per-write cost vanishes, small enough for the pool.
    private const int CopyChunkBytes = 64 * 1024;

    public async Task<JobClaim> ClaimAsync(JobTicket ticket, string node, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(ContextOf(ticket), async (connection, ct) =>
        {
            await using (var claim = new NpgsqlCommand(
                "UPDATE jobs SET status = 'RUNNING', attempts = attempts + 1, lease_owner = $2, lease_expires_at = now() + $3, " +
                "started_at = coalesce(started_at, now()) " +
                "WHERE id = $1 AND NOT cancel_requested AND attempts < $4 " +
                "AND (status = 'QUEUED' OR (status = 'RUNNING' AND lease_expires_at < now())) RETURNING attempts",
                connection))
            {
                claim.Parameters.Add(new() { Value = ticket.JobId });
                claim.Parameters.Add(new() { Value = node });
                claim.Parameters.Add(new() { Value = lease });
                claim.Parameters.Add(new() { Value = maxAttempts });
                if (await claim.ExecuteScalarAsync(ct).ConfigureAwait(false) is int attempts)
                {
                    if (attempts > 1)
                    {
                        // A resumed job starts over: what the dead node wrote is incomplete and would collide.
                        foreach (var sql in (string[])["DELETE FROM job_results WHERE job_id = $1", "UPDATE jobs SET items_done = 0 WHERE id = $1"])
                        {
                            await using var clear = new NpgsqlCommand(sql, connection);
                            clear.Parameters.Add(new() { Value = ticket.JobId });
                            await clear.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                        }
                    }

                    await AddEventAsync(connection, ticket.JobId, JobStatus.Running,
                        attempts == 1 ? $"Started on {node}." : $"Resumed on {node} (attempt {attempts} of {maxAttempts}).", ct).ConfigureAwait(false);
                    return new JobClaim(JobClaimOutcome.Claimed, (await JobService.ReadJobAsync(connection, ticket.JobId, ct).ConfigureAwait(false))!);
                }
            }

            // Not claimable: finished, running under a live lease elsewhere, cancelled while its node was gone, or out of attempts.
            await using (var settle = new NpgsqlCommand(
                "UPDATE jobs SET status = CASE WHEN cancel_requested THEN 'CANCELLED' ELSE 'FAILED' END, finished_at = now(), lease_owner = NULL, " +
                "error_type = CASE WHEN cancel_requested THEN $2 ELSE $3 END, " +
                "error_message = CASE WHEN cancel_requested THEN 'Cancelled while its node was down.' " +
                "ELSE format('The job was interrupted %s times (its node stopped) and is not retried again.', attempts) END " +
                "WHERE id = $1 AND (status = 'QUEUED' OR (status = 'RUNNING' AND lease_expires_at < now())) RETURNING status, error_message",
                connection))
            {
                settle.Parameters.Add(new() { Value = ticket.JobId });
                settle.Parameters.Add(new() { Value = JobErrorTypes.Cancelled });
                settle.Parameters.Add(new() { Value = JobErrorTypes.Internal });
                await using var reader = await settle.ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    var (status, message) = (JobNames.ParseStatus(reader.GetString(0)), reader.GetString(1));
                    await reader.DisposeAsync().ConfigureAwait(false);
                    await AddEventAsync(connection, ticket.JobId, status, message, ct).ConfigureAwait(false);
                }
            }

            var job = await JobService.ReadJobAsync(connection, ticket.JobId, ct).ConfigureAwait(false);
            return new JobClaim(JobClaimOutcome.NotRunnable, job);
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Extends the lease of a job this node runs; returns whether cancellation was requested meanwhile.</summary>
    public Task<bool> RenewLeaseAsync(JobTicket ticket, string node, TimeSpan lease, CancellationToken cancellationToken) =>
        database.ExecuteAsync(ContextOf(ticket), async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "UPDATE jobs SET lease_expires_at = now() + $3 WHERE id = $1 AND lease_owner = $2 AND status = 'RUNNING' RETURNING cancel_requested",
                connection);
            command.Parameters.Add(new() { Value = ticket.JobId });
            command.Parameters.Add(new() { Value = node });
            command.Parameters.Add(new() { Value = lease });
            return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is true;
        }, cancellationToken);

    public Task ReportProgressAsync(JobTicket ticket, long itemsDone, CancellationToken cancellationToken) =>
        database.ExecuteAsync(ContextOf(ticket), async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand("UPDATE jobs SET items_done = $2 WHERE id = $1 AND status = 'RUNNING'", connection);
            command.Parameters.Add(new() { Value = ticket.JobId });
            command.Parameters.Add(new() { Value = itemsDone });
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// Appends result rows, numbered from <paramref name="firstSequence"/>, with one binary COPY into the rows partition
    /// (migration 0005 says why there): the partition's CHECK holds every row to this transaction's tenant, as the
    /// policy on <c>job_results</c> would.
    /// </summary>
    public Task WriteResultsAsync(JobTicket ticket, long firstSequence, IReadOnlyCollection<VarBind> varBinds, CancellationToken cancellationToken) =>
        database.ExecuteAsync(ContextOf(ticket), async (connection, ct) =>
        {
            var encoder = new ResultCopyEncoder(ticket.JobId, ticket.TenantId);
            var buffer = ArrayPool<byte>.Shared.Rent(CopyChunkBytes);
            try
            {
                await using var copy = await connection.BeginRawBinaryCopyAsync(
                    "COPY job_results_rows (job_id, seq, tenant_id, oid, type, value) FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false);
                try
                {
                    ResultCopyEncoder.Header.CopyTo(buffer);
                    var used = ResultCopyEncoder.Header.Length;
                    var sequence = firstSequence;
                    foreach (var row in varBinds)
                    {
                        var needed = ResultCopyEncoder.MaxRowLength(row);
                        if (needed > buffer.Length - used)
                        {
                            await copy.WriteAsync(buffer.AsMemory(0, used), ct).ConfigureAwait(false);
                            used = 0;
                            if (needed > buffer.Length)
                            {
                                // A value larger than a chunk (a long OCTET STRING) gets a buffer of its own size.
                                ArrayPool<byte>.Shared.Return(buffer);
                                buffer = ArrayPool<byte>.Shared.Rent(needed);
                            }
                        }

                        used += encoder.WriteRow(buffer.AsSpan(used), sequence++, row);
                    }

                    if (ResultCopyEncoder.Trailer.Length > buffer.Length - used)
                    {
                        await copy.WriteAsync(buffer.AsMemory(0, used), ct).ConfigureAwait(false);
                        used = 0;
                    }

                    ResultCopyEncoder.Trailer.CopyTo(buffer.AsSpan(used));
                    used += ResultCopyEncoder.Trailer.Length;
                    await copy.WriteAsync(buffer.AsMemory(0, used), ct).ConfigureAwait(false);
                }
                catch
                {
                    // Closing the stream would end the COPY and send what was written; cancelling discards it. The
                    // transaction is rolled back in any case when the exception leaves.
                    await copy.CancelAsync().ConfigureAwait(false);
                    throw;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }

            return varBinds.Count;
        }, cancellationToken);

    /// <summary>A few result rows (name, type, value) numbered from 1, for jobs that answer in one piece.</summary>
    public Task<int> WriteRowsAsync(JobTicket ticket, IReadOnlyList<(string Oid, string Type, string Value)> rows, CancellationToken cancellationToken) =>
        database.ExecuteAsync(ContextOf(ticket), async (connection, ct) =>
        {
            await InsertRowsAsync(connection, ticket.JobId, rows, ct).ConfigureAwait(false);
            return rows.Count;
        }, cancellationToken);

    /// <summary>
    /// Result rows numbered from 1 in one statement, inside a transaction the caller already holds (an upload job's
    /// own); a walk's millions go by COPY through <see cref="WriteResultsAsync"/>.
    /// </summary>
    internal static async Task InsertRowsAsync(
        NpgsqlConnection connection, Guid jobId, IReadOnlyList<(string Oid, string Type, string Value)> rows, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO job_results (job_id, seq, oid, type, value) SELECT $1, s, o, t, v FROM unnest($2::text[], $3::text[], $4::text[]) " +
            "WITH ORDINALITY AS r(o, t, v, s)", connection);
        insert.Parameters.Add(new() { Value = jobId });
        insert.Parameters.Add(new() { Value = rows.Select(r => r.Oid).ToArray() });
        insert.Parameters.Add(new() { Value = rows.Select(r => r.Type).ToArray() });
        insert.Parameters.Add(new() { Value = rows.Select(r => r.Value).ToArray() });
        await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Sets the final state; a job that already finished (say, cancelled meanwhile) keeps its own.</summary>
    public Task FinishAsync(
        JobTicket ticket, JobStatus status, long itemsDone, string? errorType, string? errorMessage, CancellationToken cancellationToken) =>
        database.ExecuteAsync(ContextOf(ticket), async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "UPDATE jobs SET status = $2, items_done = $3, error_type = $4, error_message = $5, finished_at = now(), lease_owner = NULL, " +
                "lease_expires_at = NULL WHERE id = $1 AND status = 'RUNNING'",
                connection);
            command.Parameters.Add(new() { Value = ticket.JobId });
            command.Parameters.Add(new() { Value = JobNames.Of(status) });
            command.Parameters.Add(new() { Value = itemsDone });
            command.Parameters.Add(new() { Value = (object?)errorType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = (object?)errorMessage ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            if (await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1)
            {
                await AddEventAsync(connection, ticket.JobId, status, errorMessage ?? $"{itemsDone} items.", ct).ConfigureAwait(false);
            }

            return 0;
        }, cancellationToken);

    /// <summary>
    /// Jobs the engine should run: queued ones, and running ones whose node let the lease expire. Only ids and the
    /// tenant and user to act as come back; every read and write of the jobs themselves runs in that tenant's context.
    /// </summary>
    public async Task<IReadOnlyList<JobTicket>> FindResumableAsync(int max, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT job_id, tenant_id, user_id, device_id FROM app.jobs_to_resume($1)", connection);
        command.Parameters.Add(new() { Value = max });
        var tickets = new List<JobTicket>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tickets.Add(new JobTicket(reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.IsDBNull(3) ? null : reader.GetGuid(3)));
        }

        return tickets;
    }

    internal static async Task AddEventAsync(NpgsqlConnection connection, Guid jobId, JobStatus status, string message, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("INSERT INTO job_events (job_id, status, message) VALUES ($1, $2, $3)", connection);
        command.Parameters.Add(new() { Value = jobId });
        command.Parameters.Add(new() { Value = JobNames.Of(status) });
        command.Parameters.Add(new() { Value = message });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // The engine acts as the user who enqueued the job; the role is irrelevant to row-level security.
    private static TenantContext ContextOf(JobTicket ticket) => new(ticket.TenantId, ticket.UserId, UserRole.Operator);
}
