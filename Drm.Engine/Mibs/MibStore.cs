using System.Text.Json;
using Drm.Engine.Paging;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Drm.Mib.Smi;
using Npgsql;
using NpgsqlTypes;

namespace Drm.Engine.Mibs;

/// <summary>
/// Stored MIB modules and their OIDs. Reads go through the <c>visible_mib_*</c> views: the caller's own modules and the
/// global ones its own do not replace. Every statement runs in the caller's tenant context.
/// </summary>
public sealed class MibStore(TenantDatabase database)
{
    internal const string ModuleColumns =
        "id, tenant_id, name, file_name, language, status, last_updated, organization, contact_info, description, revisions, " +
        "imports, diagnostics, oid_count, job_id, created_at, updated_at";

    private const string OidColumns =
        "module_id, module, name, oid, kind, syntax, access, status, units, description, index_parts, augments, tenant_id IS NULL";

    // Stable JSON for the jsonb columns, and the same on the way back.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<Page<MibModuleRecord>> ListModulesAsync(TenantContext caller, string? search, PageRequest page, CancellationToken cancellationToken)
    {
        var (limit, after) = page.Resolve();
        var pattern = string.IsNullOrWhiteSpace(search) ? null : "%" + UserService.EscapeLike(search.Trim()) + "%";
        return database.ExecuteAsync(caller, async (connection, ct) =>
        {
            const string filter = "($1::text IS NULL OR name ILIKE $1 OR description ILIKE $1 OR organization ILIKE $1 OR file_name ILIKE $1)";
            long total;
            await using (var count = new NpgsqlCommand($"SELECT count(*) FROM visible_mib_modules WHERE {filter}", connection))
            {
                count.Parameters.Add(Text(pattern));
                total = (long)(await count.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
            }

            await using var command = new NpgsqlCommand(
                $"SELECT {ModuleColumns} FROM visible_mib_modules WHERE {filter} AND ($2::text IS NULL OR (name, id) > ($2, $3)) " +
                "ORDER BY name, id LIMIT $4", connection);
            command.Parameters.Add(Text(pattern));
            command.Parameters.Add(Text(after?.Key));
            command.Parameters.Add(new() { Value = after?.Id ?? Guid.Empty });
            command.Parameters.Add(new() { Value = limit + 1 });
            return await PageBuilder.ReadAsync(command, limit, after is not null, total, ReadModule, m => new KeysetCursor(m.Name, m.Id), ct)
                .ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>A module the caller can read by id, even a global one its own module of that name hides.</summary>
    public async Task<MibModuleRecord?> GetModuleAsync(TenantContext caller, Guid id, CancellationToken cancellationToken) =>
        (await GetModulesAsync(caller, [id], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(id);

    public Task<IReadOnlyDictionary<Guid, MibModuleRecord>> GetModulesAsync(
        TenantContext caller, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        database.ExecuteAsync<IReadOnlyDictionary<Guid, MibModuleRecord>>(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand($"SELECT {ModuleColumns} FROM mib_modules WHERE id = ANY($1)", connection);
            command.Parameters.Add(new() { Value = ids.ToArray() });
            var modules = new Dictionary<Guid, MibModuleRecord>(ids.Count);
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var module = ReadModule(reader);
                modules[module.Id] = module;
            }

            return modules;
        }, cancellationToken);

    /// <summary>
    /// OIDs in tree order, filtered by module, by an OID prefix (the subtree, the prefix itself included) and by the
    /// beginning of the name (case-insensitive).
    /// </summary>
    public Task<Page<MibOidRecord>> ListOidsAsync(
        TenantContext caller, Guid? moduleId, uint[]? prefix, string? name, PageRequest page, CancellationToken cancellationToken)
    {
        var (limit, after) = page.Resolve();
        byte[]? afterKey = null;
        string? afterName = null;
        if (after is not null)
        {
            var space = after.Key.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0 || !Drm.Mib.Oids.OidText.TryParse(after.Key.AsSpan(0, space), out var arcs))
            {
                throw DrmException.BadInput("'after' is not a cursor this API issued.");
            }

            afterKey = OidKey.Encode(arcs);
            afterName = after.Key[(space + 1)..];
        }

        var lower = prefix is null ? null : OidKey.Encode(prefix);
        var upper = lower is null ? null : OidKey.SubtreeEnd(lower);
        var namePrefix = string.IsNullOrWhiteSpace(name) ? null : name.Trim().ToLowerInvariant();
        return database.ExecuteAsync(caller, async (connection, ct) =>
        {
            // A range on name_key, not LIKE: the range's comparisons are leakproof, so the index serves it under the policy.
            const string filter = "($1::uuid IS NULL OR module_id = $1) AND ($2::bytea IS NULL OR (oid >= $2 AND oid < $3)) " +
                                  "AND ($4::text IS NULL OR (name_key >= $4 AND name_key < $4 || chr(1114111)))";
            long total;
            await using (var count = new NpgsqlCommand($"SELECT count(*) FROM visible_mib_oids WHERE {filter}", connection))
            {
                AddFilter(count);
                total = (long)(await count.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
            }

            await using var command = new NpgsqlCommand(
                $"SELECT {OidColumns} FROM visible_mib_oids WHERE {filter} " +
                "AND ($5::bytea IS NULL OR (oid, module_id, name) > ($5, $6, $7)) ORDER BY oid, module_id, name LIMIT $8", connection);
            AddFilter(command);
            command.Parameters.Add(Bytes(afterKey));
            command.Parameters.Add(new() { Value = after?.Id ?? Guid.Empty });
            command.Parameters.Add(Text(afterName));
            command.Parameters.Add(new() { Value = limit + 1 });
            return await PageBuilder.ReadAsync(command, limit, after is not null, total, ReadOid, o => new KeysetCursor($"{o.Oid} {o.Name}", o.ModuleId), ct)
                .ConfigureAwait(false);
        }, cancellationToken);

        void AddFilter(NpgsqlCommand command)
        {
            command.Parameters.Add(new() { Value = (object?)moduleId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
            command.Parameters.Add(Bytes(lower));
            command.Parameters.Add(Bytes(upper));
            command.Parameters.Add(Text(namePrefix));
        }
    }

    /// <summary>
    /// The object at <paramref name="oid"/>, or the nearest object above it with the rest as its instance; the caller's
    /// own modules first, then SMIv2 modules, then by module name.
    /// </summary>
    public Task<MibOidRecord?> FindByOidAsync(TenantContext caller, uint[] oid, CancellationToken cancellationToken) =>
        database.ExecuteAsync(caller, async (connection, ct) =>
        {
            // Every prefix of the OID, longest first: one indexed probe each.
            var prefixes = Enumerable.Range(1, oid.Length).Select(n => OidKey.Encode(oid.AsSpan(0, n))).ToArray();
            await using var command = new NpgsqlCommand(
                $"SELECT {OidColumns} FROM visible_mib_oids WHERE oid = ANY ($1) " +
                "ORDER BY length(oid) DESC, tenant_id IS NULL, smi_v1, module LIMIT 1", connection);
            command.Parameters.Add(new() { Value = prefixes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
            var found = await ReadOneOidAsync(command, ct).ConfigureAwait(false);
            return found is null ? null : WithInstance(found, oid);
        }, cancellationToken);

    /// <summary>The object called <paramref name="name"/> (in <paramref name="module"/> when given), case-insensitively.</summary>
    public Task<MibOidRecord?> FindByNameAsync(TenantContext caller, string? module, string name, CancellationToken cancellationToken) =>
        database.ExecuteAsync(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                $"SELECT {OidColumns} FROM visible_mib_oids WHERE name_key = lower($1) AND ($2::text IS NULL OR module = $2) " +
                "ORDER BY name = $1 DESC, tenant_id IS NULL, smi_v1, module LIMIT 1", connection);
            command.Parameters.Add(new() { Value = name });
            command.Parameters.Add(Text(module));
            return await ReadOneOidAsync(command, ct).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>The children of <paramref name="oid"/> (the root when empty), and theirs down to <paramref name="depth"/> levels.</summary>
    public Task<IReadOnlyList<MibTreeNode>> ChildrenAsync(TenantContext caller, uint[] oid, int depth, int maxNodes, CancellationToken cancellationToken) =>
        database.ExecuteAsync(caller, async (connection, ct) =>
        {
            var budget = maxNodes;
            return await LevelAsync(OidKey.Encode(oid), depth).ConfigureAwait(false);

            async Task<IReadOnlyList<MibTreeNode>> LevelAsync(byte[] parent, int levels)
            {
                var children = await ChildKeysAsync(connection, parent, budget, ct).ConfigureAwait(false);
                budget -= children.Count;
                var nodes = await NodesAtAsync(connection, parent, children, ct).ConfigureAwait(false);
                var result = new List<MibTreeNode>(nodes.Count);
                foreach (var (key, node, hasChildren) in nodes)
                {
                    var grandchildren = levels > 1 && hasChildren && budget > 0 ? await LevelAsync(key, levels - 1).ConfigureAwait(false) : [];
                    var arcs = OidKey.Decode(key);
                    result.Add(new MibTreeNode(string.Join('.', arcs), arcs[^1], node, hasChildren, grandchildren));
                }

                return result;
            }
        }, cancellationToken);

    /// <summary>Deletes one of the caller's modules in the open transaction; a global module is refused with <c>FORBIDDEN</c>.</summary>
    internal static async Task<bool> DeleteOwnModuleAsync(NpgsqlConnection connection, Guid id, CancellationToken ct)
    {
        await using (var lookup = new NpgsqlCommand("SELECT tenant_id FROM mib_modules WHERE id = $1", connection))
        {
            lookup.Parameters.Add(new() { Value = id });
            await using var reader = await lookup.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                return false;
            }

            if (reader.IsDBNull(0))
            {
                throw DrmException.Forbidden("Global MIB modules come from MIB_DIRS and cannot be deleted through the API.");
            }
        }

        await using var delete = new NpgsqlCommand("DELETE FROM mib_modules WHERE id = $1 AND tenant_id = app.current_tenant()", connection);
        delete.Parameters.Add(new() { Value = id });
        return await delete.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1;
    }

    /// <summary>The caller's own modules as uploaded (name, file name, file text), to rebuild its tree from.</summary>
    internal static async Task<List<(string Name, string FileName, string Source)>> ReadTenantSourcesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT name, file_name, source FROM mib_modules WHERE tenant_id = app.current_tenant() ORDER BY name", connection);
        var result = new List<(string, string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            result.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return result;
    }

    /// <summary>
    /// Writes modules of one owner (the caller's tenant, or global when <paramref name="global"/>): a module of the same
    /// name is replaced, with all its OIDs. Returns the number of modules written (unchanged ones are skipped).
    /// </summary>
    internal static async Task<int> SaveAsync(
        NpgsqlConnection connection, bool global, IReadOnlyList<MibModuleDraft> drafts, Guid? jobId, CancellationToken ct)
    {
        var existing = new Dictionary<string, (byte[] Sha, string Status, int Oids)>(StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand(
            "SELECT name, source_sha256, status, oid_count FROM mib_modules WHERE tenant_id IS NOT DISTINCT FROM (CASE WHEN $1 THEN NULL ELSE app.current_tenant() END)",
            connection))
        {
            read.Parameters.Add(new() { Value = global });
            await using var reader = await read.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                existing[reader.GetString(0)] = (reader.GetFieldValue<byte[]>(1), reader.GetString(2), reader.GetInt32(3));
            }
        }

        var changed = drafts.DistinctBy(d => d.Module.Name).Where(d => jobId is not null || !existing.TryGetValue(d.Module.Name, out var stored)
                                        || !stored.Sha.AsSpan().SequenceEqual(d.SourceSha256)
                                        || stored.Status != StatusName(d.Status) || stored.Oids != d.Nodes.Count)
            .ToList();
        if (changed.Count > 0)
        {
            // Three statements for any number of modules: upsert the modules, drop their old OIDs, insert the new ones.
            var ids = await UpsertModulesAsync(connection, global, changed, jobId, ct).ConfigureAwait(false);
            await using (var clear = new NpgsqlCommand("DELETE FROM mib_oids WHERE module_id = ANY ($1)", connection))
            {
                clear.Parameters.Add(new() { Value = ids.Values.ToArray() });
                await clear.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await InsertOidsAsync(connection, global, changed, ids, ct).ConfigureAwait(false);
        }

        return changed.Count;
    }

    internal static string StatusName(MibModuleStatus status) => status.ToString().ToUpperInvariant();

    private static async Task<Dictionary<string, Guid>> UpsertModulesAsync(
        NpgsqlConnection connection, bool global, List<MibModuleDraft> drafts, Guid? jobId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO mib_modules (id, tenant_id, name, file_name, language, status, last_updated, organization, contact_info, " +
            "description, revisions, imports, diagnostics, oid_count, source, source_sha256, job_id) " +
            "SELECT i, CASE WHEN $1 THEN NULL ELSE app.current_tenant() END, n, f, l, st, lu, o, ci, d, " +
            "ARRAY(SELECT jsonb_array_elements_text(r::jsonb)), im::jsonb, dg::jsonb, c, src, sha, $17 " +
            "FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], " +
            "$11::text[], $12::text[], $13::text[], $14::int[], $15::text[], $16::bytea[]) AS t(i, n, f, l, st, lu, o, ci, d, r, im, dg, c, src, sha) " +
            "ON CONFLICT (tenant_id, name) DO UPDATE SET file_name = EXCLUDED.file_name, language = EXCLUDED.language, " +
            "status = EXCLUDED.status, last_updated = EXCLUDED.last_updated, organization = EXCLUDED.organization, " +
            "contact_info = EXCLUDED.contact_info, description = EXCLUDED.description, revisions = EXCLUDED.revisions, " +
            "imports = EXCLUDED.imports, diagnostics = EXCLUDED.diagnostics, oid_count = EXCLUDED.oid_count, source = EXCLUDED.source, " +
            "source_sha256 = EXCLUDED.source_sha256, job_id = COALESCE(EXCLUDED.job_id, mib_modules.job_id) RETURNING name, id",
            connection);
        command.Parameters.Add(new() { Value = global });
        command.Parameters.Add(new() { Value = drafts.Select(_ => Guid.CreateVersion7()).ToArray() });
        command.Parameters.Add(Texts(drafts.Select(d => d.Module.Name)));
        command.Parameters.Add(Texts(drafts.Select(d => d.FileName)));
        command.Parameters.Add(Texts(drafts.Select(d => d.Module.IsSmiV2 ? "SMIv2" : "SMIv1")));
        command.Parameters.Add(Texts(drafts.Select(d => StatusName(d.Status))));
        command.Parameters.Add(Texts(drafts.Select(d => d.Module.LastUpdated)));
        command.Parameters.Add(Texts(drafts.Select(d => d.Module.Organization)));
        command.Parameters.Add(Texts(drafts.Select(d => d.Module.ContactInfo)));
        command.Parameters.Add(Texts(drafts.Select(d => d.Module.Description)));
        command.Parameters.Add(Texts(drafts.Select(d => JsonSerializer.Serialize(d.Module.Revisions, Json))));
        command.Parameters.Add(Texts(drafts.Select(d => JsonSerializer.Serialize(d.Imports, Json))));
        command.Parameters.Add(Texts(drafts.Select(d => JsonSerializer.Serialize(d.Diagnostics, Json))));
        command.Parameters.Add(new() { Value = drafts.Select(d => d.Nodes.Count).ToArray() });
        command.Parameters.Add(Texts(drafts.Select(d => d.Source)));
        command.Parameters.Add(new() { Value = drafts.Select(d => d.SourceSha256).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new() { Value = (object?)jobId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            ids[reader.GetString(0)] = reader.GetGuid(1);
        }

        return ids;
    }

    private static async Task InsertOidsAsync(
        NpgsqlConnection connection, bool global, List<MibModuleDraft> drafts, Dictionary<string, Guid> ids, CancellationToken ct)
    {
        var rows = drafts.SelectMany(d => d.Nodes.Select(n => (Draft: d, Node: n))).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(
            "INSERT INTO mib_oids (module_id, tenant_id, module, name, oid, kind, syntax, access, status, units, description, index_parts, augments, smi_v1) " +
            "SELECT mi, CASE WHEN $1 THEN NULL ELSE app.current_tenant() END, m, n, o, k, s::jsonb, a, st, u, d, i::jsonb, au, v1 " +
            "FROM unnest($2::uuid[], $3::text[], $4::text[], $5::bytea[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], " +
            "$11::text[], $12::text[], $13::text[], $14::boolean[]) AS t(mi, m, n, o, k, s, a, st, u, d, i, au, v1)",
            connection);
        command.Parameters.Add(new() { Value = global });
        command.Parameters.Add(new() { Value = rows.Select(r => ids[r.Draft.Module.Name]).ToArray() });
        command.Parameters.Add(Texts(rows.Select(r => r.Draft.Module.Name)));
        command.Parameters.Add(Texts(rows.Select(r => r.Node.Name)));
        command.Parameters.Add(new() { Value = rows.Select(r => OidKey.Encode(r.Node.Oid)).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(Texts(rows.Select(r => MibModuleDraft.KindName(r.Node.Kind))));
        command.Parameters.Add(Texts(rows.Select(r => MibModuleDraft.SyntaxOf(r.Node) is { } s ? JsonSerializer.Serialize(s, Json) : null)));
        command.Parameters.Add(Texts(rows.Select(r => r.Node.Definition.Access)));
        command.Parameters.Add(Texts(rows.Select(r => r.Node.Definition.Status)));
        command.Parameters.Add(Texts(rows.Select(r => r.Node.Definition.Units)));
        command.Parameters.Add(Texts(rows.Select(r => r.Node.Definition.Description)));
        command.Parameters.Add(Texts(rows.Select(r => r.Node.Definition.Index.Count > 0
            ? JsonSerializer.Serialize(r.Node.Definition.Index.Select(i => new MibIndexPart(i.Name, i.Implied)), Json)
            : null)));
        command.Parameters.Add(Texts(rows.Select(r => r.Node.Definition.Augments)));
        command.Parameters.Add(new() { Value = rows.Select(r => !r.Draft.Module.IsSmiV2).ToArray() });
        await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }

    // The keys of the children directly below the parent (named or not), found by skipping from one child's subtree to
    // the next through the index: a subtree with a million OIDs costs one probe per child, not a scan.
    private static async Task<List<byte[]>> ChildKeysAsync(NpgsqlConnection connection, byte[] parent, int max, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "WITH RECURSIVE kids(arc) AS (" +
            "  (SELECT substring(o.oid FROM $2 + 1 FOR $3) FROM visible_mib_oids o WHERE o.oid > $1 AND o.oid < $4 ORDER BY o.oid LIMIT 1)" +
            "  UNION ALL" +
            "  SELECT (SELECT substring(o.oid FROM $2 + 1 FOR $3) FROM visible_mib_oids o" +
            "          WHERE o.oid >= $1 || k.arc || '\\x02'::bytea AND o.oid < $4 ORDER BY o.oid LIMIT 1)" +
            "  FROM kids k WHERE k.arc IS NOT NULL" +
            ") SELECT $1 || arc FROM kids WHERE arc IS NOT NULL LIMIT $5",
            connection);
        command.Parameters.Add(new() { Value = parent, NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new() { Value = parent.Length });
        command.Parameters.Add(new() { Value = OidKey.BytesPerArc });
        command.Parameters.Add(new() { Value = parent.Length == 0 ? [0xFF] : OidKey.SubtreeEnd(parent), NpgsqlDbType = NpgsqlDbType.Bytea });
        command.Parameters.Add(new() { Value = Math.Max(0, max) });
        var keys = new List<byte[]>();
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            keys.Add(reader.GetFieldValue<byte[]>(0));
        }

        return keys;
    }

    private static async Task<List<(byte[] Key, MibOidRecord? Node, bool HasChildren)>> NodesAtAsync(
        NpgsqlConnection connection, byte[] parent, List<byte[]> children, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT c.key, n.*, EXISTS (SELECT 1 FROM visible_mib_oids d WHERE d.oid > c.key AND d.oid < c.key || '\\x02'::bytea) " +
            "FROM unnest($1::bytea[]) WITH ORDINALITY AS c(key, at) " +
            $"LEFT JOIN LATERAL (SELECT {OidColumns} FROM visible_mib_oids o WHERE o.oid = c.key " +
            "ORDER BY tenant_id IS NULL, smi_v1, module LIMIT 1) n ON true ORDER BY c.at",
            connection);
        command.Parameters.Add(new() { Value = children.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        var result = new List<(byte[], MibOidRecord?, bool)>(children.Count);
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            var node = reader.IsDBNull(1) ? null : ReadOid(reader, 1);
            result.Add((reader.GetFieldValue<byte[]>(0), node, reader.GetBoolean(reader.FieldCount - 1)));
        }

        return result;
    }

    private static async Task<MibOidRecord?> ReadOneOidAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? ReadOid(reader) : null;
    }

    private static MibOidRecord WithInstance(MibOidRecord found, uint[] oid)
    {
        var length = found.Oid.Count(c => c == '.') + 1;
        return length < oid.Length ? found with { Instance = string.Join('.', oid.Skip(length)) } : found;
    }

    internal static MibModuleRecord ReadModule(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.IsDBNull(1) ? null : reader.GetGuid(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        Enum.Parse<MibModuleStatus>(reader.GetString(5), ignoreCase: true),
        NullableText(reader, 6),
        NullableText(reader, 7),
        NullableText(reader, 8),
        NullableText(reader, 9),
        reader.GetFieldValue<string[]>(10),
        JsonSerializer.Deserialize<List<MibModuleImport>>(reader.GetString(11), Json) ?? [],
        JsonSerializer.Deserialize<List<MibModuleDiagnostic>>(reader.GetString(12), Json) ?? [],
        reader.GetInt32(13),
        reader.IsDBNull(14) ? null : reader.GetGuid(14),
        reader.GetFieldValue<DateTimeOffset>(15),
        reader.GetFieldValue<DateTimeOffset>(16));

    private static MibOidRecord ReadOid(NpgsqlDataReader reader) => ReadOid(reader, 0);

    private static MibOidRecord ReadOid(NpgsqlDataReader reader, int at) => new(
        reader.GetGuid(at),
        reader.GetString(at + 1),
        reader.GetString(at + 2),
        OidKey.DecodeText(reader.GetFieldValue<byte[]>(at + 3)),
        reader.GetString(at + 4),
        reader.IsDBNull(at + 5) ? null : JsonSerializer.Deserialize<MibOidSyntax>(reader.GetString(at + 5), Json),
        NullableText(reader, at + 6),
        NullableText(reader, at + 7),
        NullableText(reader, at + 8),
        NullableText(reader, at + 9),
        reader.IsDBNull(at + 10) ? [] : JsonSerializer.Deserialize<List<MibIndexPart>>(reader.GetString(at + 10), Json) ?? [],
        NullableText(reader, at + 11),
        reader.GetBoolean(at + 12));

    private static string? NullableText(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    // PostgreSQL text cannot hold NUL, which a damaged vendor file may carry.
    private static NpgsqlParameter Texts(IEnumerable<string?> values) =>
        new() { Value = values.Select(v => v is not null && v.Contains('\0', StringComparison.Ordinal) ? v.Replace('\0', ' ') : v).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static NpgsqlParameter Bytes(byte[]? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bytea };

}
