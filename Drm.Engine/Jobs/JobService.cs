using System.Globalization;
using System.Text.Json;
using Drm.Engine.Paging;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Drm.Protocols.Snmp;
using Npgsql;
using NpgsqlTypes;

namespace Drm.Engine.Jobs;

/// <summary>
/// Jobs as callers see them: enqueue (written to PostgreSQL before the engine hears of it), read, page results,
/// cancel. Everything runs in the caller's tenant context.
/// </summary>
public sealed class JobService(TenantDatabase database, IJobDispatcher dispatcher)
{
    public const int MaxOids = 128;
    public const int MaxSetVarBinds = 64;

    internal const string Columns =
        "id, tenant_id, device_id, kind, status, parameters, items_done, items_expected, error_type, error_message, attempts, " +
        "version, created_by, created_at, started_at, finished_at, updated_at";

    public Task<Job> EnqueueSnmpGetAsync(TenantContext caller, Guid deviceId, IReadOnlyList<string> oids, CancellationToken cancellationToken)
    {
        caller.Require(UserRole.Operator);
        var parsed = ParseOids(oids);
        return EnqueueAsync(caller, deviceId, JobKind.SnmpGet, new { oids = parsed }, parsed.Length, cancellationToken);
    }

    public Task<Job> EnqueueSnmpSetAsync(TenantContext caller, Guid deviceId, IReadOnlyList<SnmpSetItem> varBinds, CancellationToken cancellationToken)
    {
        caller.Require(UserRole.Operator);
        ArgumentNullException.ThrowIfNull(varBinds);
        if (varBinds.Count is 0 or > MaxSetVarBinds)
        {
            throw DrmException.BadInput($"varbinds must hold between 1 and {MaxSetVarBinds} items.");
        }

        var items = varBinds.Select((v, i) =>
        {
            var oid = ParseOid(v.Oid, $"varbinds[{i}].oid");
            try
            {
                SnmpValueParser.Parse(v.Type, v.Value);
            }
            catch (FormatException e)
            {
                throw DrmException.BadInput($"varbinds[{i}]: {e.Message}");
            }

            return new { oid, type = v.Type.Trim(), value = v.Value };
        }).ToArray();
        return EnqueueAsync(caller, deviceId, JobKind.SnmpSet, new { varbinds = items }, items.Length, cancellationToken);
    }

    public Task<Job> EnqueueSnmpBulkwalkAsync(
        TenantContext caller, Guid deviceId, IReadOnlyList<string> oids, int? maxRepetitions, CancellationToken cancellationToken)
    {
        caller.Require(UserRole.Operator);
        var parsed = ParseOids(oids);
        if (maxRepetitions is < 1 or > 1000)
        {
            throw DrmException.BadInput("maxRepetitions must be between 1 and 1000.");
        }

        return EnqueueAsync(caller, deviceId, JobKind.SnmpBulkwalk, new { oids = parsed, maxRepetitions }, null, cancellationToken);
    }

    public Task<Job?> GetAsync(TenantContext caller, Guid id, CancellationToken cancellationToken) =>
        database.ExecuteAsync(caller, (connection, ct) => ReadJobAsync(connection, id, ct), cancellationToken);

    public Task<Page<Job>> ListAsync(
        TenantContext caller, JobStatus? status, JobKind? kind, Guid? deviceId, PageRequest page, CancellationToken cancellationToken)
    {
        var (limit, after) = page.Resolve();
        var afterTime = after is null ? (DateTimeOffset?)null : ParseCursorTime(after.Key);
        return database.ExecuteAsync(caller, async (connection, ct) =>
        {
            const string filter = "($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR kind = $2) AND ($3::uuid IS NULL OR device_id = $3)";
            long total;
            await using (var count = new NpgsqlCommand($"SELECT count(*) FROM jobs WHERE {filter}", connection))
            {
                AddFilter(count);
                total = (long)(await count.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
            }

            await using var command = new NpgsqlCommand(
                $"SELECT {Columns} FROM jobs WHERE {filter} AND ($4::timestamptz IS NULL OR (created_at, id) < ($4, $5)) " +
                "ORDER BY created_at DESC, id DESC LIMIT $6",
                connection);
            AddFilter(command);
            command.Parameters.Add(new() { Value = (object?)afterTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new() { Value = after?.Id ?? Guid.Empty });
            command.Parameters.Add(new() { Value = limit + 1 });
            return await PageBuilder.ReadAsync(command, limit, after is not null, total, Read, CursorOf, ct).ConfigureAwait(false);
        }, cancellationToken);

        void AddFilter(NpgsqlCommand command)
        {
            command.Parameters.Add(new() { Value = status is { } s ? JobNames.Of(s) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = kind is { } k ? JobNames.Of(k) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = deviceId is { } d ? d : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        }
    }

    /// <summary>Result rows in walk order; <paramref name="oidPrefix"/> keeps one subtree (the OID itself and below it).</summary>
    public Task<Page<JobResult>> ResultsAsync(
        TenantContext caller, Guid jobId, string? oidPrefix, PageRequest page, CancellationToken cancellationToken)
    {
        var (limit, after) = page.Resolve();
        // WebPA and TR-069 results are named by TR-181 path; the same prefix rule serves them ("Device.WiFi" or "Device.WiFi.").
        var prefix = string.IsNullOrWhiteSpace(oidPrefix) ? null
            : oidPrefix.Trim().StartsWith("Device.", StringComparison.Ordinal) ? oidPrefix.Trim().TrimEnd('.')
            : ParseOid(oidPrefix, "oidPrefix");
        var afterSequence = after is null ? (long?)null
            : long.TryParse(after.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s
            : throw DrmException.BadInput("'after' is not a cursor this API issued.");
        return database.ExecuteAsync(caller, async (connection, ct) =>
        {
            const string filter = "job_id = $1 AND ($2::text IS NULL OR oid = $2 OR starts_with(oid, $2 || '.'))";
            long total;
            await using (var count = new NpgsqlCommand($"SELECT count(*) FROM job_results WHERE {filter}", connection))
            {
                AddFilter(count);
                total = (long)(await count.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
            }

            await using var command = new NpgsqlCommand(
                $"SELECT seq, oid, type, value FROM job_results WHERE {filter} AND ($3::bigint IS NULL OR seq > $3) ORDER BY seq LIMIT $4",
                connection);
            AddFilter(command);
            command.Parameters.Add(new() { Value = (object?)afterSequence ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            command.Parameters.Add(new() { Value = limit + 1 });
            return await PageBuilder.ReadAsync(
                command, limit, after is not null, total,
                r => new JobResult(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3)),
                r => new KeysetCursor(r.Sequence.ToString(CultureInfo.InvariantCulture), jobId),
                ct).ConfigureAwait(false);
        }, cancellationToken);

        void AddFilter(NpgsqlCommand command)
        {
            command.Parameters.Add(new() { Value = jobId });
            command.Parameters.Add(new() { Value = (object?)prefix ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        }
    }

    /// <summary>Every result row at or below <paramref name="prefix"/> in stored order, at most <paramref name="max"/> + 1 (so a caller learns there are more).</summary>
    public Task<IReadOnlyList<JobResult>> ResultsUnderAsync(TenantContext caller, Guid jobId, string prefix, int max, CancellationToken cancellationToken) =>
        database.ExecuteAsync<IReadOnlyList<JobResult>>(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT seq, oid, type, value FROM job_results WHERE job_id = $1 AND starts_with(oid, $2 || '.') ORDER BY seq LIMIT $3", connection);
            command.Parameters.Add(new() { Value = jobId });
            command.Parameters.Add(new() { Value = prefix });
            command.Parameters.Add(new() { Value = max + 1 });
            var rows = new List<JobResult>();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows.Add(new JobResult(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
            }

            return rows;
        }, cancellationToken);

    public async Task<IReadOnlyList<JobEvent>> EventsAsync(TenantContext caller, Guid jobId, CancellationToken cancellationToken) =>
        (await EventsManyAsync(caller, [jobId], cancellationToken).ConfigureAwait(false))[jobId];

    /// <summary>The events of several jobs in one read, in order; a job unknown to the caller has none.</summary>
    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<JobEvent>>> EventsManyAsync(
        TenantContext caller, IReadOnlyCollection<Guid> jobIds, CancellationToken cancellationToken) =>
        database.ExecuteAsync<IReadOnlyDictionary<Guid, IReadOnlyList<JobEvent>>>(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT job_id, seq, at, status, message FROM job_events WHERE job_id = ANY($1) ORDER BY job_id, seq", connection);
            command.Parameters.Add(new() { Value = jobIds.ToArray() });
            var events = jobIds.Distinct().ToDictionary(id => id, _ => new List<JobEvent>());
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                events[reader.GetGuid(0)].Add(new JobEvent(
                    reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2), JobNames.ParseStatus(reader.GetString(3)), reader.GetString(4)));
            }

            return events.ToDictionary(e => e.Key, e => (IReadOnlyList<JobEvent>)e.Value);
        }, cancellationToken);

    /// <summary>
    /// A queued job is cancelled at once and never starts; a running one is asked to stop and keeps the results it has;
    /// a finished one is returned as it is.
    /// </summary>
    public async Task<Job> CancelAsync(TenantContext caller, Guid id, CancellationToken cancellationToken)
    {
        caller.Require(UserRole.Operator);
        var job = await database.ExecuteAsync(caller, async (connection, ct) =>
        {
            await using (var command = new NpgsqlCommand(
                "UPDATE jobs SET status = CASE WHEN status = 'QUEUED' THEN 'CANCELLED' ELSE status END, " +
                "finished_at = CASE WHEN status = 'QUEUED' THEN now() ELSE finished_at END, " +
                "error_type = CASE WHEN status = 'QUEUED' THEN $2 ELSE error_type END, " +
                "error_message = CASE WHEN status = 'QUEUED' THEN 'Cancelled before it started.' ELSE error_message END, " +
                "cancel_requested = true WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING status",
                connection))
            {
                command.Parameters.Add(new() { Value = id });
                command.Parameters.Add(new() { Value = JobErrorTypes.Cancelled });
                if (await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is string status)
                {
                    await JobStore.AddEventAsync(connection, id, JobNames.ParseStatus(status),
                        status == "CANCELLED" ? "Cancelled before it started." : "Cancellation requested.", ct).ConfigureAwait(false);
                }
            }

            return await ReadJobAsync(connection, id, ct).ConfigureAwait(false) ?? throw DrmException.NotFound("Job");
        }, cancellationToken).ConfigureAwait(false);
        if (job.Status == JobStatus.Running)
        {
            dispatcher.Cancel(job.Id);
        }

        return job;
    }

    internal static async Task<Job?> ReadJobAsync(NpgsqlConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM jobs WHERE id = $1", connection);
        command.Parameters.Add(new() { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    internal static Job Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetGuid(1),
        reader.IsDBNull(2) ? null : reader.GetGuid(2),
        JobNames.ParseKind(reader.GetString(3)),
        JobNames.ParseStatus(reader.GetString(4)),
        JsonDocument.Parse(reader.GetString(5)),
        reader.GetInt64(6),
        reader.IsDBNull(7) ? null : reader.GetInt64(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.GetInt32(10),
        reader.GetInt64(11),
        reader.GetGuid(12),
        reader.GetFieldValue<DateTimeOffset>(13),
        reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14),
        reader.IsDBNull(15) ? null : reader.GetFieldValue<DateTimeOffset>(15),
        reader.GetFieldValue<DateTimeOffset>(16));

    private Task<Job> EnqueueAsync(
        TenantContext caller, Guid deviceId, JobKind kind, object parameters, long? itemsExpected, CancellationToken cancellationToken) =>
        EnqueueDeviceJobAsync(
            caller, deviceId, kind, parameters, itemsExpected,
            ("snmp_credentials", "The device has no SNMP credential; set one with setSnmpCredential first."), cancellationToken);

    /// <summary>
    /// A job on a device, which must exist and have the protocol settings the job needs (a row in
    /// <paramref name="required"/>.Table, keyed by device_id; refused with its Missing message otherwise).
    /// </summary>
    internal async Task<Job> EnqueueDeviceJobAsync(
        TenantContext caller, Guid deviceId, JobKind kind, object parameters, long? itemsExpected,
        (string Table, string Missing) required, CancellationToken cancellationToken)
    {
        var job = await database.ExecuteAsync(caller, async (connection, ct) =>
        {
            await using (var check = new NpgsqlCommand(
                $"SELECT d.id, c.device_id FROM devices d LEFT JOIN {required.Table} c ON c.device_id = d.id WHERE d.id = $1", connection))
            {
                check.Parameters.Add(new() { Value = deviceId });
                await using var reader = await check.ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    throw DrmException.NotFound("Device");
                }

                if (reader.IsDBNull(1))
                {
                    throw DrmException.BadInput(required.Missing);
                }
            }

            return await InsertJobAsync(connection, caller, deviceId, kind, parameters, itemsExpected, ct).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
        dispatcher.Dispatch(new JobTicket(job.Id, job.TenantId, caller.UserId, deviceId));
        return job;
    }

    /// <summary>
    /// A job whose input is an uploaded file (<c>MIB_PARSE</c>, <c>TR181_IMPORT</c>): the file is stored with the job,
    /// so a job resumed on another node after a crash still has it, and deleted when the job has used it.
    /// </summary>
    public async Task<Job> EnqueueUploadAsync(
        TenantContext caller, JobKind kind, object parameters, string fileName, byte[]? content, long? itemsExpected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Require(UserRole.Operator);
        var job = await database.ExecuteAsync(caller, async (connection, ct) =>
        {
            var job = await InsertJobAsync(connection, caller, null, kind, parameters, itemsExpected, ct).ConfigureAwait(false);
            if (content is null)
            {
                // The job reads its input from the server (a TR181_SOURCES file), not from an upload.
                return job;
            }

            await using var upload = new NpgsqlCommand(
                "INSERT INTO job_uploads (job_id, tenant_id, file_name, content) VALUES ($1, $2, $3, $4)", connection);
            upload.Parameters.Add(new() { Value = job.Id });
            upload.Parameters.Add(new() { Value = caller.TenantId });
            upload.Parameters.Add(new() { Value = fileName });
            upload.Parameters.Add(new() { Value = content });
            await upload.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return job;
        }, cancellationToken).ConfigureAwait(false);
        dispatcher.Dispatch(new JobTicket(job.Id, job.TenantId, caller.UserId, null));
        return job;
    }

    private static async Task<Job> InsertJobAsync(
        NpgsqlConnection connection, TenantContext caller, Guid? deviceId, JobKind kind, object parameters, long? itemsExpected, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO jobs (id, tenant_id, device_id, kind, parameters, items_expected) VALUES ($1, $2, $3, $4, $5, $6)", connection))
        {
            insert.Parameters.Add(new() { Value = id });
            insert.Parameters.Add(new() { Value = caller.TenantId });
            insert.Parameters.Add(new() { Value = (object?)deviceId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
            insert.Parameters.Add(new() { Value = JobNames.Of(kind) });
            insert.Parameters.Add(new() { Value = JsonSerializer.Serialize(parameters), NpgsqlDbType = NpgsqlDbType.Jsonb });
            insert.Parameters.Add(new() { Value = (object?)itemsExpected ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
            await insert.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await JobStore.AddEventAsync(connection, id, JobStatus.Queued, "Queued.", ct).ConfigureAwait(false);
        return (await ReadJobAsync(connection, id, ct).ConfigureAwait(false))!;
    }

    private static string[] ParseOids(IReadOnlyList<string> oids)
    {
        ArgumentNullException.ThrowIfNull(oids);
        if (oids.Count is 0 or > MaxOids)
        {
            throw DrmException.BadInput($"oids must hold between 1 and {MaxOids} OIDs.");
        }

        return oids.Select((o, i) => ParseOid(o, $"oids[{i}]")).ToArray();
    }

    private static string ParseOid(string text, string field) =>
        ObjectIdentifier.TryParse(text?.Trim().TrimStart('.') ?? "", out var oid)
            ? oid.ToString()
            : throw DrmException.BadInput($"{field}: '{text}' is not a numeric OID (MIB names come with the MIB library).");

    private static KeysetCursor CursorOf(Job job) => new(job.CreatedAt.ToString("O", CultureInfo.InvariantCulture), job.Id);

    private static DateTimeOffset ParseCursorTime(string key) =>
        DateTimeOffset.TryParseExact(key, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw DrmException.BadInput("'after' is not a cursor this API issued.");
}
