using System.Text.Json;
using Drm.Engine.Paging;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Mib.Tr181;
using Npgsql;
using NpgsqlTypes;

namespace Drm.Engine.Tr181;

/// <summary>Reads and writes <c>tr181_parameters</c> and <c>tr181_models</c>; reads go through the caller's visible view.</summary>
public sealed class Tr181Store(TenantDatabase database)
{
    private const string Columns =
        "id, tenant_id IS NULL, model, kind, path, parent, depth, name, access, base_type, data_type, status, version, description, details, updated_at";

    public Task<Page<Tr181Item>> ListAsync(TenantContext caller, Tr181Filter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (limit, after) = page.Resolve();
        var prefix = string.IsNullOrEmpty(filter.PathPrefix) ? null : filter.PathPrefix;
        var search = string.IsNullOrWhiteSpace(filter.Search) ? null : "%" + EscapeLike(filter.Search.Trim().ToLowerInvariant()) + "%";
        return database.ExecuteAsync(caller, async (connection, ct) =>
        {
            // The prefix is a range on path (leakproof comparisons, so the index serves it under the policy).
            const string where = "($1::text IS NULL OR (path >= $1 AND path < $1 || chr(1114111))) " +
                                 "AND ($2::text IS NULL OR base_type = $2 OR data_type = $2) AND ($3::text IS NULL OR access = $3) " +
                                 "AND ($4::text IS NULL OR kind = $4) AND ($5::text IS NULL OR search_text LIKE $5)";
            long total;
            await using (var count = new NpgsqlCommand($"SELECT count(*) FROM visible_tr181_parameters WHERE {where}", connection))
            {
                AddFilter(count);
                total = (long)(await count.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
            }

            await using var command = new NpgsqlCommand(
                $"SELECT {Columns} FROM visible_tr181_parameters WHERE {where} AND ($6::text IS NULL OR path > $6) ORDER BY path LIMIT $7", connection);
            AddFilter(command);
            command.Parameters.Add(Text(after?.Key));
            command.Parameters.Add(new() { Value = limit + 1 });
            return await PageBuilder.ReadAsync(command, limit, after is not null, total, Read, i => new KeysetCursor(i.Path, i.Id), ct).ConfigureAwait(false);
        }, cancellationToken);

        void AddFilter(NpgsqlCommand command)
        {
            command.Parameters.Add(Text(prefix));
            command.Parameters.Add(Text(string.IsNullOrWhiteSpace(filter.Type) ? null : filter.Type.Trim()));
            command.Parameters.Add(Text(filter.Access is { } access ? AccessName(access) : null));
            command.Parameters.Add(Text(filter.Kind is { } kind ? KindName(kind) : null));
            command.Parameters.Add(Text(search));
        }
    }

    public Task<Tr181Item?> GetAsync(TenantContext caller, Guid id, CancellationToken cancellationToken) =>
        database.ExecuteAsync(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand($"SELECT {Columns} FROM visible_tr181_parameters WHERE id = $1", connection);
            command.Parameters.Add(new() { Value = id });
            return (await ReadAllAsync(command, ct).ConfigureAwait(false)).FirstOrDefault();
        }, cancellationToken);

    /// <summary>The items at these model paths (with <c>{i}</c>), as the caller sees them.</summary>
    public Task<IReadOnlyList<Tr181Item>> FindAsync(TenantContext caller, IReadOnlyCollection<string> paths, CancellationToken cancellationToken) =>
        database.ExecuteAsync(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand($"SELECT {Columns} FROM visible_tr181_parameters WHERE path = ANY ($1)", connection);
            command.Parameters.Add(new() { Value = paths.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            return await ReadAllAsync(command, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// The items below <paramref name="root"/> ("" for the whole catalog) down to <paramref name="depth"/> levels, in path
    /// order, at most <paramref name="maxNodes"/>; with each object's count of direct children. Null when the root is
    /// not an object the caller can see.
    /// </summary>
    public Task<IReadOnlyList<Tr181TreeNode>?> TreeAsync(TenantContext caller, string root, int depth, int maxNodes, CancellationToken cancellationToken) =>
        database.ExecuteAsync(caller, async (connection, ct) =>
        {
            var rootDepth = 0;
            if (root.Length > 0)
            {
                await using var find = new NpgsqlCommand("SELECT depth FROM visible_tr181_parameters WHERE path = $1 AND kind = 'OBJECT'", connection);
                find.Parameters.Add(new() { Value = root });
                if (await find.ExecuteScalarAsync(ct).ConfigureAwait(false) is not short found)
                {
                    return null;
                }

                rootDepth = found;
            }

            // Level by level through the parent index: a deep subtree below the last level is never read.
            var items = new List<Tr181Item>();
            var parents = new[] { root };
            for (var level = 0; level < depth && parents.Length > 0 && items.Count < maxNodes; level++)
            {
                await using var command = new NpgsqlCommand(
                    $"SELECT {Columns} FROM visible_tr181_parameters WHERE parent = ANY ($1) ORDER BY path LIMIT $2", connection);
                command.Parameters.Add(new() { Value = parents, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                command.Parameters.Add(new() { Value = maxNodes - items.Count });
                var found = await ReadAllAsync(command, ct).ConfigureAwait(false);
                items.AddRange(found);
                parents = found.Where(i => i.Kind == Tr181ItemKind.Object).Select(i => i.Path).ToArray();
            }

            items.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            var objects = items.Where(i => i.Kind == Tr181ItemKind.Object).Select(i => i.Path).ToArray();
            if (objects.Length > 0)
            {
                await using var count = new NpgsqlCommand(
                    "SELECT parent, count(*)::int FROM visible_tr181_parameters WHERE parent = ANY ($1) GROUP BY parent", connection);
                count.Parameters.Add(new() { Value = objects, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
                await using var reader = await count.ExecuteReaderAsync(ct).ConfigureAwait(false);
                while (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    counts[reader.GetString(0)] = reader.GetInt32(1);
                }
            }

            return (IReadOnlyList<Tr181TreeNode>?)Nest(items, rootDepth + 1, counts);
        }, cancellationToken);

    // Items come in path order, so each one's children follow it; a parent missing from the model leaves its children out.
    private static List<Tr181TreeNode> Nest(IReadOnlyList<Tr181Item> items, int topDepth, Dictionary<string, int> counts)
    {
        var children = items.Where(i => i.Depth > topDepth).GroupBy(i => i.Parent, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        return items.Where(i => i.Depth == topDepth).Select(Node).ToList();

        Tr181TreeNode Node(Tr181Item item) => new(item, counts.GetValueOrDefault(item.Path),
            children.TryGetValue(item.Path, out var under) ? under.Select(Node).ToList() : []);
    }

    public Task<IReadOnlyList<Tr181ModelRecord>> ModelsAsync(TenantContext caller, CancellationToken cancellationToken) =>
        database.ExecuteAsync<IReadOnlyList<Tr181ModelRecord>>(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT id, tenant_id IS NULL, name, version, source, item_count, job_id, imported_at FROM tr181_models ORDER BY tenant_id NULLS FIRST, name",
                connection);
            var models = new List<Tr181ModelRecord>();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                models.Add(new Tr181ModelRecord(reader.GetGuid(0), reader.GetBoolean(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.GetString(4), reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetGuid(6), reader.GetFieldValue<DateTimeOffset>(7)));
            }

            return models;
        }, cancellationToken);

    /// <summary>
    /// Stores a model's items as the global rows (<paramref name="global"/>, a platform administrator's context) or the
    /// transaction tenant's: rows of the same model missing from <paramref name="drafts"/> are removed, new ones added,
    /// and rows whose definition changed rewritten; unchanged rows are not touched. One transaction: the caller's.
    /// </summary>
    public static async Task<Tr181ImportSummary> SaveAsync(
        NpgsqlConnection connection, bool global, string modelName, string? version, string source, IReadOnlyList<Tr181ItemDraft> drafts, Guid? jobId,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        // Two imports of one owner's model at once would each count the other's rows as theirs; one at a time.
        await using (var gate = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(hashtext('drm.tr181:' || CASE WHEN $1 THEN 'global' ELSE app.current_tenant()::text END || ':' || $2))",
            connection))
        {
            gate.Parameters.Add(new() { Value = global });
            gate.Parameters.Add(new() { Value = modelName });
            await gate.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE tr181_import (kind text, path text COLLATE \"C\" PRIMARY KEY, parent text COLLATE \"C\", depth smallint, name text, " +
            "access text, base_type text, data_type text, status text, version text, description text, details jsonb, digest bytea) ON COMMIT DROP",
            connection))
        {
            await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        // The temporary table has no policy to check row by row; the INSERT … SELECT below is checked as usual.
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY tr181_import (kind, path, parent, depth, name, access, base_type, data_type, status, version, description, details, digest) " +
            "FROM STDIN (FORMAT BINARY)", ct).ConfigureAwait(false))
        {
            foreach (var d in drafts)
            {
                await copy.StartRowAsync(ct).ConfigureAwait(false);
                await copy.WriteAsync(KindName(d.Kind), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync(d.Path, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync(d.Parent, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync((short)d.Depth, NpgsqlDbType.Smallint, ct).ConfigureAwait(false);
                await copy.WriteAsync(d.Name, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await copy.WriteAsync(AccessName(d.Access), NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await WriteNullableAsync(copy, d.BaseType, ct).ConfigureAwait(false);
                await WriteNullableAsync(copy, d.DataType, ct).ConfigureAwait(false);
                await copy.WriteAsync(d.Status, NpgsqlDbType.Text, ct).ConfigureAwait(false);
                await WriteNullableAsync(copy, d.Version, ct).ConfigureAwait(false);
                await WriteNullableAsync(copy, d.Description, ct).ConfigureAwait(false);
                await copy.WriteAsync(d.Details, NpgsqlDbType.Jsonb, ct).ConfigureAwait(false);
                await copy.WriteAsync(d.Digest(), NpgsqlDbType.Bytea, ct).ConfigureAwait(false);
            }

            await copy.CompleteAsync(ct).ConfigureAwait(false);
        }

        var owner = global ? "tenant_id IS NULL" : "tenant_id = app.current_tenant()";
        var ownerValue = global ? "NULL::uuid" : "app.current_tenant()";
        var removed = new List<(string, string)>();
        await using (var delete = new NpgsqlCommand(
            $"DELETE FROM tr181_parameters p WHERE p.{owner} AND p.model = $1 " +
            "AND NOT EXISTS (SELECT 1 FROM tr181_import i WHERE i.path = p.path) RETURNING p.path, p.kind", connection))
        {
            delete.Parameters.Add(new() { Value = modelName });
            await using var reader = await delete.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                removed.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var added = new List<(string, string)>();
        var changed = new List<(string, string)>();
        await using (var upsert = new NpgsqlCommand(
            "INSERT INTO tr181_parameters AS p (id, tenant_id, model, kind, path, parent, depth, name, access, base_type, data_type, status, version, " +
            $"description, details, digest, job_id) SELECT gen_random_uuid(), {ownerValue}, $1, kind, path, parent, depth, name, access, base_type, " +
            "data_type, status, version, description, details, digest, $2 FROM tr181_import " +
            "ON CONFLICT (tenant_id, path) DO UPDATE SET model = EXCLUDED.model, kind = EXCLUDED.kind, parent = EXCLUDED.parent, depth = EXCLUDED.depth, " +
            "name = EXCLUDED.name, access = EXCLUDED.access, base_type = EXCLUDED.base_type, data_type = EXCLUDED.data_type, status = EXCLUDED.status, " +
            "version = EXCLUDED.version, description = EXCLUDED.description, details = EXCLUDED.details, digest = EXCLUDED.digest, job_id = EXCLUDED.job_id " +
            "WHERE p.digest <> EXCLUDED.digest OR p.model <> EXCLUDED.model RETURNING p.path, p.kind, p.xmax = 0", connection))
        {
            upsert.Parameters.Add(new() { Value = modelName });
            upsert.Parameters.Add(new() { Value = (object?)jobId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
            await using var reader = await upsert.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                (reader.GetBoolean(2) ? added : changed).Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        await using (var model = new NpgsqlCommand(
            "INSERT INTO tr181_models AS m (id, tenant_id, name, version, source, item_count, job_id) " +
            $"VALUES (gen_random_uuid(), {ownerValue}, $1, $2, $3, $4, $5) ON CONFLICT (tenant_id, name) DO UPDATE SET version = EXCLUDED.version, " +
            "source = EXCLUDED.source, item_count = EXCLUDED.item_count, job_id = EXCLUDED.job_id, imported_by = app.current_user_id(), imported_at = now()",
            connection))
        {
            model.Parameters.Add(new() { Value = modelName });
            model.Parameters.Add(Text(version));
            model.Parameters.Add(new() { Value = source });
            model.Parameters.Add(new() { Value = drafts.Count });
            model.Parameters.Add(new() { Value = (object?)jobId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
            await model.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        // A table the planner has no statistics for, or one whose size this import more than doubles, is analyzed now
        // rather than when autovacuum next looks (see app.analyze_tr181). Otherwise the planner scales what it knows to
        // the table's current size, and an ANALYZE of a large catalog (a third of a second at 80,000 rows) is not paid
        // for every tenant's import.
        await using (var analyze = new NpgsqlCommand(
            "SELECT app.analyze_tr181() FROM pg_class WHERE oid = 'tr181_parameters'::regclass AND (reltuples < 0 OR $1 > reltuples)", connection))
        {
            analyze.Parameters.Add(new() { Value = (float)(added.Count + removed.Count) });
            await analyze.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        return new Tr181ImportSummary(modelName, version, drafts.Count, added, changed, removed);
    }

    /// <summary>Deletes one owner's model and its rows (the global ones in a platform administrator's context); false when there is none.</summary>
    public Task<bool> DeleteModelAsync(TenantContext caller, bool global, string modelName, CancellationToken cancellationToken) =>
        database.ExecuteAsync(caller, async (connection, ct) =>
        {
            var owner = global ? "tenant_id IS NULL" : "tenant_id = app.current_tenant()";
            var deleted = 0;
            foreach (var sql in new[] { $"DELETE FROM tr181_parameters WHERE {owner} AND model = $1", $"DELETE FROM tr181_models WHERE {owner} AND name = $1" })
            {
                await using var delete = new NpgsqlCommand(sql, connection);
                delete.Parameters.Add(new() { Value = modelName });
                deleted += await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            return deleted > 0;
        }, cancellationToken);

    public static string KindName(Tr181ItemKind kind) => kind.ToString().ToUpperInvariant();

    public static string AccessName(Tr181Access access) => access switch
    {
        Tr181Access.ReadWrite => "READ_WRITE",
        Tr181Access.WriteOnceReadOnly => "WRITE_ONCE_READ_ONLY",
        _ => "READ_ONLY",
    };

    private static Tr181Access ParseAccess(string text) => text switch
    {
        "READ_WRITE" => Tr181Access.ReadWrite,
        "WRITE_ONCE_READ_ONLY" => Tr181Access.WriteOnceReadOnly,
        _ => Tr181Access.ReadOnly,
    };

    private static async Task<IReadOnlyList<Tr181Item>> ReadAllAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var items = new List<Tr181Item>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            items.Add(Read(reader));
        }

        return items;
    }

    private static Tr181Item Read(NpgsqlDataReader reader) => Read(reader, 0);

    // The columns of Columns, from ordinal `first` on.
    private static Tr181Item Read(NpgsqlDataReader reader, int first)
    {
        var kind = Enum.Parse<Tr181ItemKind>(reader.GetString(first + 3), ignoreCase: true);
        var description = reader.IsDBNull(first + 13) ? null : reader.GetString(first + 13);
        var details = reader.GetString(first + 14);
        string? Optional(int ordinal) => reader.IsDBNull(first + ordinal) ? null : reader.GetString(first + ordinal);
        var item = new Tr181Item(
            Id: reader.GetGuid(first),
            IsGlobal: reader.GetBoolean(first + 1),
            Model: reader.GetString(first + 2),
            Kind: kind,
            Path: reader.GetString(first + 4),
            Parent: reader.GetString(first + 5),
            Depth: reader.GetInt16(first + 6),
            Name: reader.GetString(first + 7),
            Access: ParseAccess(reader.GetString(first + 8)),
            BaseType: Optional(9),
            DataType: Optional(10),
            Status: reader.GetString(first + 11),
            Version: Optional(12),
            Description: description,
            UpdatedAt: reader.GetFieldValue<DateTimeOffset>(first + 15));
        return kind switch
        {
            Tr181ItemKind.Parameter => item with { Parameter = Deserialize<Tr181Parameter>(details) with { Description = description } },
            Tr181ItemKind.Object => item with { Object = Deserialize<Tr181Object>(details) with { Description = description } },
            Tr181ItemKind.Command => item with { Command = Deserialize<Tr181Command>(details) with { Description = description } },
            _ => item with { Event = Deserialize<Tr181Event>(details) with { Description = description } },
        };
    }

    private static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Tr181Json.Options) ?? throw new InvalidOperationException($"A stored {typeof(T).Name} is empty.");

    private static Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, NpgsqlDbType.Text, ct);

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
