using System.Net;
using System.Text;
using Drm.Engine.Security;
using Drm.Engine.Tenancy;
using Drm.Protocols.Snmp;
using Drm.Protocols.Tr069;
using Drm.Protocols.Usp;
using Drm.Protocols.WebPa;
using Npgsql;

namespace Drm.Engine.Credentials;

public sealed partial class CredentialService
{
    /// <summary>
    /// The SNMP agent of a device with its secrets decrypted, for the engine only (the API never returns secrets).
    /// Host names are resolved here, once per job.
    /// </summary>
    internal async Task<SnmpAgent> LoadSnmpAgentAsync(TenantContext context, Guid deviceId, CancellationToken cancellationToken)
    {
        var (address, shape) = await database.ExecuteAsync(context, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT d.address, c.version, c.community_enc, c.username, c.auth_protocol, c.auth_password_enc, c.priv_protocol, " +
                "c.priv_password_enc, c.context_name, c.port, c.timeout_ms, c.retries " +
                "FROM devices d JOIN snmp_credentials c ON c.device_id = d.id WHERE d.id = $1",
                connection);
            command.Parameters.Add(new() { Value = deviceId });
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                throw DrmException.BadInput("The device has no SNMP credential.");
            }

            string? Secret(int column, string field) => reader.IsDBNull(column)
                ? null
                : protector.Unprotect(reader.GetFieldValue<byte[]>(column), SecretProtector.Purpose("snmp_credentials", deviceId, field));

            return (reader.GetString(0), new SnmpCredentialShape(
                reader.GetString(1),
                Secret(2, "community"),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                Secret(5, "auth_password"),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                Secret(7, "priv_password"),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.GetInt32(9),
                TimeSpan.FromMilliseconds(reader.GetInt32(10)),
                reader.GetInt32(11)));
        }, cancellationToken).ConfigureAwait(false);

        var ip = IPAddress.TryParse(address, out var literal)
            ? literal
            : (await Dns.GetHostAddressesAsync(address, cancellationToken).ConfigureAwait(false)).FirstOrDefault()
              ?? throw new SnmpClientException($"The device address '{address}' does not resolve.");
        return SnmpAgent.FromCredential(ip, shape, snmpDefaults);
    }

    /// <summary>The Tr1d1um server, WRP device id and credentials of a device, its secret decrypted, for the engine only.</summary>
    internal Task<WebPaTarget> LoadWebPaTargetAsync(TenantContext context, Guid deviceId, CancellationToken cancellationToken) =>
        database.ExecuteAsync(context, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT base_url, cpe_id, service, auth_type, auth_username, auth_header_name, auth_secret_enc, timeout_ms " +
                "FROM webpa_endpoints WHERE device_id = $1",
                connection);
            command.Parameters.Add(new() { Value = deviceId });
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                throw DrmException.BadInput("The device has no WebPA endpoint.");
            }

            var secret = reader.IsDBNull(6)
                ? null
                : protector.Unprotect(reader.GetFieldValue<byte[]>(6), SecretProtector.Purpose("webpa_endpoints", deviceId, "auth_secret"));
            return new WebPaTarget(new Uri(reader.GetString(0)), reader.GetString(1), reader.GetString(2))
            {
                AuthHeader = AuthHeader(reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), secret),
                Timeout = TimeSpan.FromMilliseconds(reader.GetInt32(7)),
                Retries = webPaDefaults.Retries,
            };
        }, cancellationToken);

    /// <summary>The ACS, ACS device id and credentials of a device, its secret decrypted, for the engine only.</summary>
    internal Task<AcsTarget> LoadAcsTargetAsync(TenantContext context, Guid deviceId, CancellationToken cancellationToken) =>
        database.ExecuteAsync(context, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT base_url, cpe_id, connection_request, auth_type, auth_username, auth_header_name, auth_secret_enc, timeout_ms " +
                "FROM tr069_endpoints WHERE device_id = $1",
                connection);
            command.Parameters.Add(new() { Value = deviceId });
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                throw DrmException.BadInput("The device has no TR-069 endpoint.");
            }

            var secret = reader.IsDBNull(6)
                ? null
                : protector.Unprotect(reader.GetFieldValue<byte[]>(6), SecretProtector.Purpose("tr069_endpoints", deviceId, "auth_secret"));
            return new AcsTarget(new Uri(reader.GetString(0)), reader.GetString(1))
            {
                AuthHeader = AuthHeader(reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), secret),
                ConnectionRequest = reader.GetBoolean(2),
                Timeout = TimeSpan.FromMilliseconds(reader.GetInt32(7)),
                ConnectionRequestTimeout = tr069Defaults.ConnectionRequestTimeout,
            };
        }, cancellationToken);

    /// <summary>The agent, its MTP (MQTT broker or WebSocket server) and credentials, the secret decrypted, for the engine only.</summary>
    internal Task<UspTarget> LoadUspTargetAsync(TenantContext context, Guid deviceId, CancellationToken cancellationToken) =>
        database.ExecuteAsync(context, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT base_url, agent_endpoint_id, transport, mqtt_topic, auth_type, auth_username, auth_secret_enc, timeout_ms " +
                "FROM usp_endpoints WHERE device_id = $1",
                connection);
            command.Parameters.Add(new() { Value = deviceId });
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false) || reader.GetString(2) is not ("mqtt" or "websocket"))
            {
                throw DrmException.BadInput("The device has no USP endpoint over MQTT or WebSocket.");
            }

            var secret = reader.IsDBNull(6)
                ? null
                : protector.Unprotect(reader.GetFieldValue<byte[]>(6), SecretProtector.Purpose("usp_endpoints", deviceId, "auth_secret"));
            return new UspTarget(new Uri(reader.GetString(0)), reader.GetString(1), uspDefaults.ControllerEndpointId)
            {
                AgentTopic = reader.IsDBNull(3) ? null : reader.GetString(3),
                // A broker knows user name and password only, and a WebSocket server gets them as HTTP Basic.
                Credentials = reader.GetString(4) == "basic" && secret is not null ? (reader.GetString(5), secret) : null,
                Timeout = TimeSpan.FromMilliseconds(reader.GetInt32(7)),
            };
        }, cancellationToken);

    // The header an HTTP endpoint's stored auth becomes: Basic, Bearer, or the API key under its header name.
    private static (string Name, string Value)? AuthHeader(string type, string? username, string? headerName, string? secret) => (type, secret) switch
    {
        ("basic", { } password) => ("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{username}:{password}"))),
        ("bearer", { } token) => ("Authorization", "Bearer " + token),
        ("api_key", { } key) => (headerName ?? "X-API-Key", key),
        _ => null,
    };
}
