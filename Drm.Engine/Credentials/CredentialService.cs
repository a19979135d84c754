using Drm.Engine.Security;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Drm.Protocols.Snmp;
using Drm.Protocols.Tr069;
using Drm.Protocols.Usp;
using Drm.Protocols.WebPa;
using Npgsql;
using NpgsqlTypes;

namespace Drm.Engine.Credentials;

/// <summary>
/// Device credentials and protocol endpoints. Secrets are encrypted before they reach the database and are
/// write-only: the records this service returns say whether a secret is set, never what it is.
/// </summary>
public sealed partial class CredentialService(
    TenantDatabase database,
    SecretProtector protector,
    SnmpClientOptions snmpDefaults,
    WebPaClientOptions webPaDefaults,
    Tr069ClientOptions tr069Defaults,
    UspClientOptions uspDefaults)
{
    private static readonly string[] SnmpVersions = ["1", "2c", "3"];
    private static readonly string[] AuthProtocols = ["MD5", "SHA", "SHA224", "SHA256", "SHA384", "SHA512"];
    private static readonly string[] PrivProtocols = ["DES", "3DES", "AES", "AES192", "AES256", "AES192C", "AES256C"];

    private const string SnmpColumns =
        "device_id, version, username, auth_protocol, priv_protocol, context_name, port, timeout_ms, retries, " +
        "community_enc IS NOT NULL, auth_password_enc IS NOT NULL, priv_password_enc IS NOT NULL, updated_at";

    public async Task<SnmpCredential?> GetSnmpAsync(TenantContext caller, Guid deviceId, CancellationToken cancellationToken) =>
        (await GetSnmpManyAsync(caller, [deviceId], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(deviceId);

    /// <summary>The SNMP settings of several devices in one read, by device id; a device without settings is absent.</summary>
    public Task<IReadOnlyDictionary<Guid, SnmpCredential>> GetSnmpManyAsync(
        TenantContext caller, IReadOnlyCollection<Guid> deviceIds, CancellationToken cancellationToken) =>
        ReadByDeviceAsync(caller, $"SELECT {SnmpColumns} FROM snmp_credentials WHERE device_id = ANY($1)", deviceIds, ReadSnmp, cancellationToken);

    public Task<SnmpCredential> SetSnmpAsync(TenantContext caller, SetSnmpCredentialInput input, CancellationToken cancellationToken)
    {
        caller.Require(UserRole.Admin);
        var version = input.Version.Trim().ToLowerInvariant() switch
        {
            "v1" => "1",
            "v2c" or "2" => "2c",
            "v3" => "3",
            var v => v,
        };
        if (!SnmpVersions.Contains(version))
        {
            throw DrmException.BadInput("SNMP version must be 1, 2c or 3.");
        }

        var port = input.Port ?? snmpDefaults.Port;
        var timeoutMs = TimeoutMs(input.TimeoutSeconds, snmpDefaults.Timeout);
        var retries = input.Retries ?? snmpDefaults.Retries;
        if (port is < 1 or > 65535)
        {
            throw DrmException.BadInput("port must be between 1 and 65535.");
        }

        if (retries is < 0 or > 20)
        {
            throw DrmException.BadInput("retries must be between 0 and 20.");
        }

        var authProtocol = NormalizeProtocol(input.AuthProtocol, AuthProtocols, "authProtocol");
        var privProtocol = NormalizeProtocol(input.PrivProtocol, PrivProtocols, "privProtocol");
        var username = string.IsNullOrWhiteSpace(input.Username) ? null : input.Username.Trim();

        return database.ExecuteAsync(caller, async (connection, ct) =>
        {
            await EnsureDeviceAsync(connection, input.DeviceId, ct).ConfigureAwait(false);
            byte[]?[] stored = [null, null, null];
            await using (var existing = new NpgsqlCommand(
                "SELECT community_enc, auth_password_enc, priv_password_enc FROM snmp_credentials WHERE device_id = $1 FOR UPDATE",
                connection))
            {
                existing.Parameters.Add(new() { Value = input.DeviceId });
                await using var reader = await existing.ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    for (var i = 0; i < 3; i++)
                    {
                        stored[i] = reader.IsDBNull(i) ? null : reader.GetFieldValue<byte[]>(i);
                    }
                }
            }

            var community = MergeSecret(input.Community, stored[0], "snmp_credentials", input.DeviceId, "community");
            var authPassword = MergeSecret(input.AuthPassword, stored[1], "snmp_credentials", input.DeviceId, "auth_password");
            var privPassword = MergeSecret(input.PrivPassword, stored[2], "snmp_credentials", input.DeviceId, "priv_password");
            if (version == "3")
            {
                // A v3 credential carries no community; v1/v2c carry none of the USM settings.
                community = null;
                ValidateUsm(username, authProtocol, authPassword, input.AuthPassword, privProtocol, privPassword, input.PrivPassword);
                if (authProtocol is null)
                {
                    authPassword = null;
                }

                if (privProtocol is null)
                {
                    privPassword = null;
                }
            }
            else
            {
                if (community is null)
                {
                    throw DrmException.BadInput($"SNMP v{version} needs a community.");
                }

                username = null;
                authProtocol = privProtocol = null;
                authPassword = privPassword = null;
            }

            await using var command = new NpgsqlCommand(
                "INSERT INTO snmp_credentials (device_id, tenant_id, version, community_enc, username, auth_protocol, auth_password_enc, " +
                "priv_protocol, priv_password_enc, context_name, port, timeout_ms, retries) " +
                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) " +
                "ON CONFLICT (device_id) DO UPDATE SET version = EXCLUDED.version, community_enc = EXCLUDED.community_enc, " +
                "username = EXCLUDED.username, auth_protocol = EXCLUDED.auth_protocol, auth_password_enc = EXCLUDED.auth_password_enc, " +
                "priv_protocol = EXCLUDED.priv_protocol, priv_password_enc = EXCLUDED.priv_password_enc, " +
                "context_name = EXCLUDED.context_name, port = EXCLUDED.port, timeout_ms = EXCLUDED.timeout_ms, retries = EXCLUDED.retries " +
                $"RETURNING {SnmpColumns}",
                connection);
            command.Parameters.Add(new() { Value = input.DeviceId });
            command.Parameters.Add(new() { Value = caller.TenantId });
            command.Parameters.Add(new() { Value = version });
            AddBytes(command, community);
            AddText(command, username);
            AddText(command, authProtocol);
            AddBytes(command, authPassword);
            AddText(command, privProtocol);
            AddBytes(command, privPassword);
            AddText(command, string.IsNullOrWhiteSpace(input.ContextName) ? null : input.ContextName.Trim());
            command.Parameters.Add(new() { Value = port });
            command.Parameters.Add(new() { Value = timeoutMs });
            command.Parameters.Add(new() { Value = retries });
            await using var result = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await result.ReadAsync(ct).ConfigureAwait(false);
            return ReadSnmp(result);
        }, cancellationToken);
    }

    // RFC 3414 §11.2: net-snmp and most agents refuse passphrases shorter than 8 characters.
    private static void ValidateUsm(
        string? username,
        string? authProtocol,
        byte[]? authPassword,
        string? newAuthPassword,
        string? privProtocol,
        byte[]? privPassword,
        string? newPrivPassword)
    {
        if (username is null || username.Length > 32)
        {
            throw DrmException.BadInput("SNMP v3 needs a username of 1 to 32 characters.");
        }

        if (authProtocol is not null && (authPassword is null || newAuthPassword is { Length: > 0 and < 8 }))
        {
            throw DrmException.BadInput("authProtocol needs an authPassword of at least 8 characters.");
        }

        if (privProtocol is not null && authProtocol is null)
        {
            throw DrmException.BadInput("privProtocol needs an authProtocol: USM has no privacy without authentication.");
        }

        if (privProtocol is not null && (privPassword is null || newPrivPassword is { Length: > 0 and < 8 }))
        {
            throw DrmException.BadInput("privProtocol needs a privPassword of at least 8 characters.");
        }
    }

    private static string? NormalizeProtocol(string? value, string[] allowed, string field)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var normalized = value.Trim().ToUpperInvariant().Replace("-", "", StringComparison.Ordinal);
        normalized = normalized is "SHA1" ? "SHA" : normalized is "AES128" ? "AES" : normalized;
        return allowed.Contains(normalized)
            ? normalized
            : throw DrmException.BadInput($"{field} must be one of {string.Join(", ", allowed)}.");
    }

    private byte[]? MergeSecret(string? given, byte[]? stored, string table, Guid deviceId, string field) => given switch
    {
        null => stored,
        "" => null,
        _ => protector.Protect(given, SecretProtector.Purpose(table, deviceId, field)),
    };

    private static async Task EnsureDeviceAsync(NpgsqlConnection connection, Guid deviceId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM devices WHERE id = $1", connection);
        command.Parameters.Add(new() { Value = deviceId });
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            throw DrmException.NotFound("Device");
        }
    }

    private static int TimeoutMs(double? seconds, TimeSpan fallback)
    {
        var ms = seconds is { } s ? s * 1000 : fallback.TotalMilliseconds;
        return ms is >= 1 and <= 600_000 && !double.IsNaN(ms)
            ? (int)Math.Round(ms)
            : throw DrmException.BadInput("timeout must be between 0.001 and 600 seconds.");
    }

    private static void AddText(NpgsqlCommand command, string? value) =>
        command.Parameters.Add(new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });

    private static void AddBytes(NpgsqlCommand command, byte[]? value) =>
        command.Parameters.Add(new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bytea });

    private static SnmpCredential ReadSnmp(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetInt32(6),
        reader.GetInt32(7),
        reader.GetInt32(8),
        reader.GetBoolean(9),
        reader.GetBoolean(10),
        reader.GetBoolean(11),
        reader.GetFieldValue<DateTimeOffset>(12));

    // Every credential and endpoint query selects device_id first; one read serves a whole page of devices.
    private Task<IReadOnlyDictionary<Guid, T>> ReadByDeviceAsync<T>(
        TenantContext caller, string sql, IReadOnlyCollection<Guid> deviceIds, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken) =>
        database.ExecuteAsync<IReadOnlyDictionary<Guid, T>>(caller, async (connection, ct) =>
        {
            var found = new Dictionary<Guid, T>(deviceIds.Count);
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new() { Value = deviceIds.ToArray() });
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                found[reader.GetGuid(0)] = read(reader);
            }

            return found;
        }, cancellationToken);
}
