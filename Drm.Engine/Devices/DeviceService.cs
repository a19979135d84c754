using System.Net;
using System.Text.RegularExpressions;
using Drm.Engine.Paging;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Npgsql;
using NpgsqlTypes;

namespace Drm.Engine.Devices;

public sealed partial class DeviceService(TenantDatabase database)
{
    public const int MaxTags = 50;
    private const string Columns = "id, tenant_id, name, address, tags, description, created_at, updated_at";

    public async Task<Device?> GetAsync(TenantContext caller, Guid id, CancellationToken cancellationToken) =>
        (await GetManyAsync(caller, [id], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(id);

    public Task<IReadOnlyDictionary<Guid, Device>> GetManyAsync(
        TenantContext caller, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        database.ExecuteAsync<IReadOnlyDictionary<Guid, Device>>(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand($"SELECT {Columns} FROM devices WHERE id = ANY($1)", connection);
            command.Parameters.Add(new() { Value = ids.ToArray() });
            var result = new Dictionary<Guid, Device>();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var device = Read(reader);
                result[device.Id] = device;
            }

            return result;
        }, cancellationToken);

    /// <summary>Devices whose name, address or description contains <paramref name="search"/> and that carry <paramref name="tag"/>.</summary>
    public Task<Page<Device>> ListAsync(
        TenantContext caller, string? search, string? tag, PageRequest page, CancellationToken cancellationToken)
    {
        var (limit, after) = page.Resolve();
        var pattern = string.IsNullOrWhiteSpace(search) ? null : "%" + UserService.EscapeLike(search.Trim()) + "%";
        var tagFilter = string.IsNullOrWhiteSpace(tag) ? null : tag.Trim();
        return database.ExecuteAsync(caller, async (connection, ct) =>
        {
            const string filter = "($1::text IS NULL OR name ILIKE $1 OR address ILIKE $1 OR description ILIKE $1) " +
                                  "AND ($2::text IS NULL OR tags @> ARRAY[$2::text])";
            long total;
            await using (var count = new NpgsqlCommand($"SELECT count(*) FROM devices WHERE {filter}", connection))
            {
                AddFilter(count);
                total = (long)(await count.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
            }

            await using var command = new NpgsqlCommand(
                $"SELECT {Columns} FROM devices WHERE {filter} AND ($3::text IS NULL OR (name, id) > ($3, $4)) " +
                "ORDER BY name, id LIMIT $5",
                connection);
            AddFilter(command);
            command.Parameters.Add(new() { Value = (object?)after?.Key ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = after?.Id ?? Guid.Empty });
            command.Parameters.Add(new() { Value = limit + 1 });
            return await PageBuilder.ReadAsync(command, limit, after is not null, total, Read, d => new KeysetCursor(d.Name, d.Id), ct)
                .ConfigureAwait(false);
        }, cancellationToken);

        void AddFilter(NpgsqlCommand command)
        {
            command.Parameters.Add(new() { Value = (object?)pattern ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = (object?)tagFilter ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        }
    }

    public Task<Device> CreateAsync(TenantContext caller, CreateDeviceInput input, CancellationToken cancellationToken)
    {
        caller.Require(UserRole.Admin);
        var name = ValidateName(input.Name);
        var address = ValidateAddress(input.Address);
        var tags = ValidateTags(input.Tags ?? []);
        var description = NormalizeDescription(input.Description);
        return database.ExecuteAsync(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO devices (id, tenant_id, name, address, tags, description) VALUES ($1, $2, $3, $4, $5, $6) " +
                $"RETURNING {Columns}",
                connection);
            command.Parameters.Add(new() { Value = Guid.CreateVersion7() });
            command.Parameters.Add(new() { Value = caller.TenantId });
            command.Parameters.Add(new() { Value = name });
            command.Parameters.Add(new() { Value = address });
            command.Parameters.Add(new() { Value = tags });
            command.Parameters.Add(new() { Value = (object?)description ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await reader.ReadAsync(ct).ConfigureAwait(false);
            return Read(reader);
        }, cancellationToken);
    }

    public Task<Device> UpdateAsync(TenantContext caller, UpdateDeviceInput input, CancellationToken cancellationToken)
    {
        caller.Require(UserRole.Admin);
        var name = input.Name is null ? null : ValidateName(input.Name);
        var address = input.Address is null ? null : ValidateAddress(input.Address);
        var tags = input.Tags is null ? null : ValidateTags(input.Tags);
        return database.ExecuteAsync(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "UPDATE devices SET name = COALESCE($2, name), address = COALESCE($3, address), tags = COALESCE($4, tags), " +
                "description = CASE WHEN $5 THEN $6 ELSE description END " +
                $"WHERE id = $1 RETURNING {Columns}",
                connection);
            command.Parameters.Add(new() { Value = input.Id });
            command.Parameters.Add(new() { Value = (object?)name ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = (object?)address ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = (object?)tags ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = input.Description is not null });
            command.Parameters.Add(new()
            {
                Value = (object?)NormalizeDescription(input.Description) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text,
            });
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false) ? Read(reader) : throw DrmException.NotFound("Device");
        }, cancellationToken);
    }

    /// <summary>Deletes a device with its credentials and endpoints.</summary>
    public Task<Guid> DeleteAsync(TenantContext caller, Guid id, CancellationToken cancellationToken)
    {
        caller.Require(UserRole.Admin);
        return database.ExecuteAsync(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand("DELETE FROM devices WHERE id = $1", connection);
            command.Parameters.Add(new() { Value = id });
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1 ? id : throw DrmException.NotFound("Device");
        }, cancellationToken);
    }

    private static string ValidateName(string name)
    {
        name = name.Trim();
        return name.Length is >= 1 and <= 200 ? name : throw DrmException.BadInput("A device name is 1 to 200 characters.");
    }

    /// <summary>An IPv4 or IPv6 literal (IPv6 may be bracketed) or an RFC 1123 host name.</summary>
    internal static string ValidateAddress(string address)
    {
        address = address.Trim();
        var unbracketed = address.StartsWith('[') && address.EndsWith(']') ? address[1..^1] : address;
        if (IPAddress.TryParse(unbracketed, out var ip) && (unbracketed.Contains(':', StringComparison.Ordinal) || unbracketed.Count(c => c == '.') == 3))
        {
            return ip.ToString();
        }

        // RFC 1123 §2.1: a name whose last label is all digits would be read as an address; it is neither.
        var lastLabel = address.TrimEnd('.').Split('.')[^1];
        return address.Length <= 253 && HostNamePattern().IsMatch(address) && !lastLabel.All(char.IsAsciiDigit)
            ? address.ToLowerInvariant()
            : throw DrmException.BadInput($"'{address}' is neither an IP address nor a host name.");
    }

    private static string[] ValidateTags(IReadOnlyList<string> tags)
    {
        var result = tags.Select(t => t.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (result.Length > MaxTags || result.Any(t => t.Length is 0 or > 64))
        {
            throw DrmException.BadInput($"A device has at most {MaxTags} tags of 1 to 64 characters each.");
        }

        return result;
    }

    private static string? NormalizeDescription(string? description)
    {
        description = description?.Trim();
        if (description is { Length: > 4000 })
        {
            throw DrmException.BadInput("A description is at most 4000 characters.");
        }

        return string.IsNullOrEmpty(description) ? null : description;
    }

    private static Device Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetGuid(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetFieldValue<string[]>(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetFieldValue<DateTimeOffset>(6),
        reader.GetFieldValue<DateTimeOffset>(7));

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$")]
    private static partial Regex HostNamePattern();
}
