using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Npgsql;

namespace Drm.Engine.Credentials;

public sealed partial class CredentialService
{
    private static readonly string[] AuthTypes = ["none", "basic", "bearer", "api_key"];
    private static readonly string[] UspTransports = ["http", "mqtt", "websocket"];

    // Columns 0–7 are common to every endpoint table; protocol columns follow from 8.
    private const string EndpointColumns =
        "device_id, base_url, auth_type, auth_username, auth_header_name, auth_secret_enc IS NOT NULL, timeout_ms, updated_at";

    public async Task<WebPaEndpoint?> GetWebPaAsync(TenantContext caller, Guid deviceId, CancellationToken cancellationToken) =>
        (await GetWebPaManyAsync(caller, [deviceId], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(deviceId);

    public Task<IReadOnlyDictionary<Guid, WebPaEndpoint>> GetWebPaManyAsync(
        TenantContext caller, IReadOnlyCollection<Guid> deviceIds, CancellationToken cancellationToken) =>
        GetEndpointsAsync(caller, "webpa_endpoints", "cpe_id, service", deviceIds, ReadWebPa, cancellationToken);

    public async Task<Tr069Endpoint?> GetTr069Async(TenantContext caller, Guid deviceId, CancellationToken cancellationToken) =>
        (await GetTr069ManyAsync(caller, [deviceId], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(deviceId);

    public Task<IReadOnlyDictionary<Guid, Tr069Endpoint>> GetTr069ManyAsync(
        TenantContext caller, IReadOnlyCollection<Guid> deviceIds, CancellationToken cancellationToken) =>
        GetEndpointsAsync(caller, "tr069_endpoints", "cpe_id, connection_request", deviceIds, ReadTr069, cancellationToken);

    public async Task<UspEndpoint?> GetUspAsync(TenantContext caller, Guid deviceId, CancellationToken cancellationToken) =>
        (await GetUspManyAsync(caller, [deviceId], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(deviceId);

    public Task<IReadOnlyDictionary<Guid, UspEndpoint>> GetUspManyAsync(
        TenantContext caller, IReadOnlyCollection<Guid> deviceIds, CancellationToken cancellationToken) =>
        GetEndpointsAsync(caller, "usp_endpoints", "agent_endpoint_id, transport, mqtt_topic", deviceIds, ReadUsp, cancellationToken);

    public Task<WebPaEndpoint> SetWebPaAsync(TenantContext caller, SetWebPaEndpointInput input, CancellationToken cancellationToken)
    {
        // With no baseUrl the endpoint takes WEBPA_BASE_URL as it is now: one Tr1d1um for the fleet is the usual case.
        var baseUrl = string.IsNullOrWhiteSpace(input.BaseUrl)
            ? webPaDefaults.BaseUrl?.AbsoluteUri ?? throw DrmException.BadInput("baseUrl is required: WEBPA_BASE_URL names no default Tr1d1um.")
            : ValidateUrl(input.BaseUrl, ["http", "https"], "baseUrl");
        var cpeId = Required(input.CpeId, "cpeId", 128);
        var service = string.IsNullOrWhiteSpace(input.Service) ? webPaDefaults.Service : Required(input.Service, "service", 64);
        var timeoutMs = TimeoutMs(input.TimeoutSeconds, webPaDefaults.Timeout);
        return SetEndpointAsync(
            caller, "webpa_endpoints", input.DeviceId, baseUrl, input.Auth, timeoutMs,
            [("cpe_id", cpeId), ("service", service)], ReadWebPa, cancellationToken);
    }

    public Task<Tr069Endpoint> SetTr069Async(TenantContext caller, SetTr069EndpointInput input, CancellationToken cancellationToken)
    {
        var baseUrl = string.IsNullOrWhiteSpace(input.BaseUrl)
            ? tr069Defaults.AcsUrl?.AbsoluteUri ?? throw DrmException.BadInput("baseUrl is required: TR069_ACS_URL names no default ACS.")
            : ValidateUrl(input.BaseUrl, ["http", "https"], "baseUrl");
        var cpeId = Required(input.CpeId, "cpeId", 256);
        var timeoutMs = TimeoutMs(input.TimeoutSeconds, tr069Defaults.Timeout);
        return SetEndpointAsync(
            caller, "tr069_endpoints", input.DeviceId, baseUrl, input.Auth, timeoutMs,
            [("cpe_id", cpeId), ("connection_request", input.ConnectionRequest ?? true)], ReadTr069, cancellationToken);
    }

    public Task<UspEndpoint> SetUspAsync(TenantContext caller, SetUspEndpointInput input, CancellationToken cancellationToken)
    {
        var transport = input.Transport.Trim().ToLowerInvariant();
        string[] schemes = transport switch
        {
            "http" => ["http", "https"],
            "mqtt" => ["mqtt", "mqtts", "tcp", "ssl"],
            "websocket" => ["ws", "wss"],
            _ => throw DrmException.BadInput($"transport must be one of {string.Join(", ", UspTransports)}."),
        };
        var baseUrl = string.IsNullOrWhiteSpace(input.BaseUrl) && transport == "mqtt"
            ? uspDefaults.MqttBrokerUrl?.AbsoluteUri ?? throw DrmException.BadInput("baseUrl is required: USP_MQTT_BROKER_URL names no default broker.")
            : ValidateUrl(input.BaseUrl ?? "", schemes, "baseUrl");
        var endpointId = Required(input.AgentEndpointId, "agentEndpointId", 256);
        var topic = string.IsNullOrWhiteSpace(input.MqttTopic) ? null : input.MqttTopic.Trim();
        if (transport == "mqtt" && topic is null)
        {
            throw DrmException.BadInput("An MQTT USP endpoint needs the agent's mqttTopic.");
        }

        var timeoutMs = TimeoutMs(input.TimeoutSeconds, uspDefaults.Timeout);
        return SetEndpointAsync(
            caller, "usp_endpoints", input.DeviceId, baseUrl, input.Auth, timeoutMs,
            [("agent_endpoint_id", endpointId), ("transport", transport), ("mqtt_topic", topic)], ReadUsp, cancellationToken);
    }

    private Task<IReadOnlyDictionary<Guid, T>> GetEndpointsAsync<T>(
        TenantContext caller, string table, string protocolColumns, IReadOnlyCollection<Guid> deviceIds, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken) =>
        ReadByDeviceAsync(caller, $"SELECT {EndpointColumns}, {protocolColumns} FROM {table} WHERE device_id = ANY($1)", deviceIds, read, cancellationToken);

    private Task<T> SetEndpointAsync<T>(
        TenantContext caller,
        string table,
        Guid deviceId,
        string baseUrl,
        EndpointAuthInput? auth,
        int timeoutMs,
        (string Column, object? Value)[] protocolValues,
        Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken)
    {
        caller.Require(UserRole.Admin);
        auth ??= new EndpointAuthInput("none");
        var authType = auth.Type.Trim().ToLowerInvariant();
        if (!AuthTypes.Contains(authType))
        {
            throw DrmException.BadInput($"auth.type must be one of {string.Join(", ", AuthTypes)}.");
        }

        return database.ExecuteAsync(caller, async (connection, ct) =>
        {
            await EnsureDeviceAsync(connection, deviceId, ct).ConfigureAwait(false);
            byte[]? storedSecret = null;
            await using (var existing = new NpgsqlCommand(
                $"SELECT auth_type, auth_secret_enc FROM {table} WHERE device_id = $1 FOR UPDATE", connection))
            {
                existing.Parameters.Add(new() { Value = deviceId });
                await using var reader = await existing.ExecuteReaderAsync(ct).ConfigureAwait(false);
                // A stored secret is kept only while the auth type stays: a password is no bearer token.
                if (await reader.ReadAsync(ct).ConfigureAwait(false) && reader.GetString(0) == authType && !reader.IsDBNull(1))
                {
                    storedSecret = reader.GetFieldValue<byte[]>(1);
                }
            }

            var (username, secret, headerName) = ResolveAuth(authType, auth, storedSecret, table, deviceId);
            var columns = protocolValues.Select(v => v.Column).ToArray();
            var names = string.Join(", ", columns);
            var placeholders = string.Join(", ", columns.Select((_, i) => "$" + (i + 9)));
            var updates = string.Join(", ", columns.Select(c => $"{c} = EXCLUDED.{c}"));
            await using var command = new NpgsqlCommand(
                $"INSERT INTO {table} (device_id, tenant_id, base_url, auth_type, auth_username, auth_secret_enc, auth_header_name, timeout_ms, {names}) " +
                $"VALUES ($1, $2, $3, $4, $5, $6, $7, $8, {placeholders}) " +
                "ON CONFLICT (device_id) DO UPDATE SET base_url = EXCLUDED.base_url, auth_type = EXCLUDED.auth_type, " +
                "auth_username = EXCLUDED.auth_username, auth_secret_enc = EXCLUDED.auth_secret_enc, " +
                $"auth_header_name = EXCLUDED.auth_header_name, timeout_ms = EXCLUDED.timeout_ms, {updates} " +
                $"RETURNING {EndpointColumns}, {names}",
                connection);
            command.Parameters.Add(new() { Value = deviceId });
            command.Parameters.Add(new() { Value = caller.TenantId });
            command.Parameters.Add(new() { Value = baseUrl });
            command.Parameters.Add(new() { Value = authType });
            AddText(command, username);
            AddBytes(command, secret);
            AddText(command, headerName);
            command.Parameters.Add(new() { Value = timeoutMs });
            foreach (var (_, value) in protocolValues)
            {
                if (value is bool flag)
                {
                    command.Parameters.Add(new() { Value = flag });
                }
                else
                {
                    AddText(command, (string?)value);
                }
            }

            await using var result = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            await result.ReadAsync(ct).ConfigureAwait(false);
            return read(result);
        }, cancellationToken);
    }

    private (string? Username, byte[]? Secret, string? HeaderName) ResolveAuth(
        string type, EndpointAuthInput auth, byte[]? storedSecret, string table, Guid deviceId)
    {
        var given = type switch
        {
            "basic" => auth.Password,
            "bearer" => auth.Token,
            "api_key" => auth.ApiKey,
            _ => null,
        };
        var secret = type == "none" ? null : MergeSecret(given, storedSecret, table, deviceId, "auth_secret");
        switch (type)
        {
            case "none":
                return (null, null, null);
            case "basic":
                var username = string.IsNullOrWhiteSpace(auth.Username) ? null : auth.Username.Trim();
                return username is not null && secret is not null
                    ? (username, secret, null)
                    : throw DrmException.BadInput("Basic auth needs a username and a password.");
            case "bearer":
                return secret is not null ? (null, secret, null) : throw DrmException.BadInput("Bearer auth needs a token.");
            default:
                var header = string.IsNullOrWhiteSpace(auth.HeaderName) ? "X-API-Key" : auth.HeaderName.Trim();
                if (!header.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                {
                    throw DrmException.BadInput("auth.headerName must be an HTTP header name.");
                }

                return secret is not null ? (null, secret, header) : throw DrmException.BadInput("API key auth needs an apiKey.");
        }
    }

    private static string ValidateUrl(string url, string[] schemes, string field)
    {
        url = url.Trim();
        return Uri.TryCreate(url, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme) && uri.Host.Length > 0
            ? url
            : throw DrmException.BadInput($"{field} must be an absolute {string.Join(" or ", schemes)} URL.");
    }

    private static string Required(string value, string field, int maxLength)
    {
        value = value.Trim();
        return value.Length >= 1 && value.Length <= maxLength
            ? value
            : throw DrmException.BadInput($"{field} must be 1 to {maxLength} characters.");
    }

    private static EndpointAuth ReadAuth(NpgsqlDataReader reader) => new(
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetBoolean(5));

    private static WebPaEndpoint ReadWebPa(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(8), reader.GetString(9), ReadAuth(reader),
        reader.GetInt32(6), reader.GetFieldValue<DateTimeOffset>(7));

    private static Tr069Endpoint ReadTr069(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(8), reader.GetBoolean(9), ReadAuth(reader),
        reader.GetInt32(6), reader.GetFieldValue<DateTimeOffset>(7));

    private static UspEndpoint ReadUsp(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(8), reader.GetString(9), reader.GetString(1),
        reader.IsDBNull(10) ? null : reader.GetString(10), ReadAuth(reader), reader.GetInt32(6), reader.GetFieldValue<DateTimeOffset>(7));
}
