using System.Globalization;
using Drm.Engine;
using Drm.Engine.Jobs;
using Drm.Engine.Storage;
using Drm.GraphQL.Auth;
using Drm.Protocols.Snmp;
using Drm.Protocols.Tr069;
using Drm.Protocols.Usp;
using Drm.Protocols.WebPa;

namespace Drm.GraphQL.Configuration;

/// <summary>
/// The service's configuration, read from environment variables with the original system's names
/// (see <c>.env.example</c> and the README's table).
/// </summary>
public sealed record DrmSettings
{
    public required EngineOptions Engine { get; init; }

    public required JwtOptions Jwt { get; init; }

    public int Port { get; init; } = 8080;

    /// <summary>The interface to listen on (<c>BIND_ADDRESS</c>); 0.0.0.0 for all.</summary>
    public string BindAddress { get; init; } = "0.0.0.0";

    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    public bool EnableSse { get; init; }

    /// <summary>Folder of the Banana Cake Pop bundle; null means look for <c>node_modules</c> upwards.</summary>
    public string? IdeRoot { get; init; }

    /// <summary>How long a WebSocket client may take to send connection_init (<c>GRAPHQL_WS_INIT_TIMEOUT</c>, seconds).</summary>
    public TimeSpan WebSocketInitTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public int MaxQueryDepth { get; init; } = 15;

    public int MaxQueryComplexity { get; init; } = 5000;

    /// <summary>Reads every variable; a missing required one or an unreadable value is an error naming the variable.</summary>
    public static DrmSettings FromEnvironment(Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var databaseUrl = Required(env, "DATABASE_URL");
        var migrationUrl = env("MIGRATION_DATABASE_URL");
        return new DrmSettings
        {
            Engine = new EngineOptions
            {
                Database = new DatabaseOptions
                {
                    ConnectionString = Parse("DATABASE_URL", databaseUrl, DatabaseUrl.ToConnectionString),
                    MigrationConnectionString = string.IsNullOrWhiteSpace(migrationUrl)
                        ? null
                        : Parse("MIGRATION_DATABASE_URL", migrationUrl, DatabaseUrl.ToConnectionString),
                    MigrateOnStart = Bool(env, "MIGRATE_ON_START", true),
                },
                CredentialsKey = Required(env, "CREDENTIALS_KEY"),
                Snmp = new SnmpClientOptions
                {
                    Timeout = Seconds(env, "SNMP_DEFAULT_TIMEOUT", 5),
                    Retries = Int(env, "SNMP_DEFAULT_RETRIES", 2, 0, 20),
                    Port = Int(env, "SNMP_DEFAULT_PORT", 161, 1, 65535),
                    MaxRepetitions = Int(env, "SNMP_MAX_REPETITIONS", 25, 1, 1000),
                },
                WebPa = new WebPaClientOptions
                {
                    BaseUrl = Url(env, "WEBPA_BASE_URL"),
                    Timeout = Seconds(env, "WEBPA_TIMEOUT", 30),
                    Retries = Int(env, "WEBPA_RETRIES", 2, 0, 20),
                    Service = env("WEBPA_SERVICE") is { Length: > 0 } service ? service : "config",
                },
                Tr069 = new Tr069ClientOptions
                {
                    AcsUrl = Url(env, "TR069_ACS_URL"),
                    Timeout = Seconds(env, "TR069_TIMEOUT", 30),
                    ConnectionRequestTimeout = Seconds(env, "TR069_CONNECTION_REQUEST_TIMEOUT", 10),
                },
                Jobs = new JobEngineOptions
                {
                    MaxConcurrentJobs = Int(env, "JOB_MAX_CONCURRENT", 32, 1, 10_000),
                    MaxJobsPerDevice = Int(env, "JOB_MAX_PER_DEVICE", 2, 1, 100),
                    WalksPerJob = Int(env, "JOB_WALKS_PER_JOB", 4, 1, 64),
                    MaxInFlightRequests = Int(env, "JOB_MAX_IN_FLIGHT", 2_000, 1, 1_000_000),
                    Lease = Seconds(env, "JOB_LEASE_SECONDS", 30),
                    MaxAttempts = Int(env, "JOB_MAX_ATTEMPTS", 3, 1, 100),
                    ResumeInterval = Seconds(env, "JOB_RESUME_SECONDS", 10),
                },
                MibDirectories = (env("MIB_DIRS") is { Length: > 0 } mibDirs ? mibDirs : "/usr/share/snmp/mibs")
                    .Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Tr181Sources = (env("TR181_SOURCES") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Usp = new UspClientOptions
                {
                    ControllerEndpointId = env("USP_CONTROLLER_ENDPOINT_ID") is { Length: > 0 } id ? id : "self::drm-controller",
                    MqttBrokerUrl = Url(env, "USP_MQTT_BROKER_URL"),
                    Timeout = Seconds(env, "USP_TIMEOUT", 30),
                },
            },
            Jwt = JwtFromEnvironment(env),
            Port = Int(env, "PORT", 8080, 0, 65535),
            BindAddress = env("BIND_ADDRESS") is { Length: > 0 } bind ? bind : "0.0.0.0",
            CorsOrigins = (env("CORS_ORIGINS") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            EnableSse = Bool(env, "ENABLE_SSE", false),
            IdeRoot = env("IDE_ROOT") is { Length: > 0 } ide ? ide : null,
            WebSocketInitTimeout = Seconds(env, "GRAPHQL_WS_INIT_TIMEOUT", 10),
            MaxQueryDepth = Int(env, "GRAPHQL_MAX_DEPTH", 15, 2, 100),
            MaxQueryComplexity = Int(env, "GRAPHQL_MAX_COMPLEXITY", 5000, 10, 1_000_000),
        };
    }

    /// <summary>Only what minting and checking tokens needs (for <c>drm token</c>).</summary>
    public static JwtOptions JwtFromEnvironment(Func<string, string?> env) =>
        new(Required(env, "JWT_SECRET"), Seconds(env, "JWT_EXPIRES_IN", 3600));

    private static string Required(Func<string, string?> env, string name) =>
        env(name) is { Length: > 0 } value ? value : throw new ConfigurationException($"{name} is not set.");

    private static T Parse<T>(string name, string value, Func<string, T> parse)
    {
        try
        {
            return parse(value);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or UriFormatException)
        {
            throw new ConfigurationException($"{name} cannot be read: {e.Message}");
        }
    }

    private static int Int(Func<string, string?> env, string name, int fallback, int min, int max)
    {
        var text = env(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ConfigurationException($"{name} must be an integer from {min} to {max}; it is '{text}'.");
    }

    private static TimeSpan Seconds(Func<string, string?> env, string name, double fallback)
    {
        var text = env(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return TimeSpan.FromSeconds(fallback);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= 31_536_000
            ? TimeSpan.FromSeconds(value)
            : throw new ConfigurationException($"{name} must be a positive number of seconds; it is '{text}'.");
    }

    private static bool Bool(Func<string, string?> env, string name, bool fallback) => env(name)?.Trim().ToLowerInvariant() switch
    {
        null or "" => fallback,
        "1" or "true" or "yes" or "on" => true,
        "0" or "false" or "no" or "off" => false,
        var other => throw new ConfigurationException($"{name} must be true or false; it is '{other}'."),
    };

    private static Uri? Url(Func<string, string?> env, string name)
    {
        var text = env(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw new ConfigurationException($"{name} must be an absolute URL; it is '{text}'.");
    }
}
