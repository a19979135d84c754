using Drm.GraphQL.Configuration;
using Drm.TestUtils;

namespace Drm.GraphQL.Tests.Cli;

/// <summary>The <c>drm</c> executable as an operator runs it.</summary>
public sealed class CommandLineTests(ServerFixture server)
{
    private static readonly string Drm = Path.Combine(AppContext.BaseDirectory, "drm.dll");

    [Fact]
    public async Task Token_MintsAJwtTheServerAccepts()
    {
        var me = await server.PostAsync("{ me { id } }", token: server.Alpha.AdminToken);
        var userId = Relay.GlobalId.TryDecode(me.Data("me")["id"]!.GetValue<string>(), out _, out var user) ? user : Guid.Empty;
        var tenantId = Relay.GlobalId.TryDecode(server.Alpha.Id, out _, out var tenant) ? tenant : Guid.Empty;

        var result = (await RunAsync(["token", "--tenant", tenantId.ToString(), "--user", userId.ToString(), "--role", "viewer"]))
            .EnsureSuccess("drm token");

        var response = await server.PostAsync("{ me { email role } }", token: result.StandardOutput.Trim());
        response.Data("me")["email"]!.GetValue<string>().ShouldBe("admin@alpha.test");
    }

    [Theory]
    [InlineData("export-schema")]
    [InlineData("--export-schema")]
    public async Task ExportSchema_BothSpellings_WriteTheCommittedSchema(string spelling)
    {
        var file = Path.Combine(Path.GetTempPath(), $"drm-schema-{Guid.NewGuid():N}.graphql");

        (await RunAsync([spelling, file])).EnsureSuccess("drm export-schema");

        (await File.ReadAllTextAsync(file)).ShouldBe(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "schema.graphql")));
        File.Delete(file);
    }

    [Fact]
    public async Task MissingConfiguration_ExitsWith2AndNamesTheVariable()
    {
        var result = await RunAsync(["migrate"], new Dictionary<string, string> { ["DATABASE_URL"] = "" });

        result.ExitCode.ShouldBe(2);
        result.StandardError.ShouldContain("DATABASE_URL is not set");
    }

    [Fact]
    public void Settings_ReadEveryVariableWithTheOriginalNames()
    {
        var env = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "postgresql+asyncpg://app:pw@db:5433/drm",
            ["MIGRATION_DATABASE_URL"] = "postgresql://owner:pw@db:5433/drm",
            ["JWT_SECRET"] = ServerFixture.JwtSecret,
            ["JWT_EXPIRES_IN"] = "600",
            ["CREDENTIALS_KEY"] = "k",
            ["CORS_ORIGINS"] = "https://ui.example.net, https://admin.example.net",
            ["ENABLE_SSE"] = "true",
            ["SNMP_DEFAULT_TIMEOUT"] = "2.5",
            ["SNMP_DEFAULT_RETRIES"] = "4",
            ["SNMP_DEFAULT_PORT"] = "1161",
            ["SNMP_MAX_REPETITIONS"] = "50",
            ["WEBPA_BASE_URL"] = "http://tr1d1um:6100/api/v3",
            ["TR069_ACS_URL"] = "http://genieacs:7557",
            ["USP_MQTT_BROKER_URL"] = "mqtt://127.0.0.1:1883",
        };

        var sut = DrmSettings.FromEnvironment(name => env.GetValueOrDefault(name));

        sut.Engine.Database.ConnectionString.ShouldContain("Port=5433");
        sut.Engine.Database.MigrationConnectionString!.ShouldContain("Username=owner");
        sut.Jwt.ExpiresIn.ShouldBe(TimeSpan.FromSeconds(600));
        sut.CorsOrigins.ShouldBe(["https://ui.example.net", "https://admin.example.net"]);
        sut.EnableSse.ShouldBeTrue();
        sut.Engine.Snmp.ShouldBe(new Protocols.Snmp.SnmpClientOptions
        {
            Timeout = TimeSpan.FromSeconds(2.5), Retries = 4, Port = 1161, MaxRepetitions = 50,
        });
        sut.Engine.WebPa.BaseUrl!.Host.ShouldBe("tr1d1um");
        sut.Engine.Tr069.AcsUrl!.Port.ShouldBe(7557);
        sut.Engine.Usp.MqttBrokerUrl!.Scheme.ShouldBe("mqtt");
    }

    [Fact]
    public async Task EnvExample_ListsEveryVariableTheServiceReads()
    {
        var read = new HashSet<string>();
        DrmSettings.FromEnvironment(name =>
        {
            read.Add(name);
            return name switch
            {
                "DATABASE_URL" => "postgresql://app:pw@db/drm",
                "JWT_SECRET" => ServerFixture.JwtSecret,
                "CREDENTIALS_KEY" => "k",
                _ => null,
            };
        });
        var example = (await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.Root, ".env.example")))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)])
            .ToHashSet();
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "README.md"));

        read.Count.ShouldBeGreaterThan(20);
        read.Except(example).ShouldBeEmpty();
        read.Where(name => !readme.Contains($"`{name}`", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("SNMP_DEFAULT_PORT", "0")]
    [InlineData("JWT_EXPIRES_IN", "soon")]
    [InlineData("ENABLE_SSE", "maybe")]
    [InlineData("DATABASE_URL", "mysql://x")]
    public void Settings_UnreadableValue_IsAConfigurationErrorNamingTheVariable(string name, string value)
    {
        var env = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = "postgresql://app:pw@db/drm", ["JWT_SECRET"] = ServerFixture.JwtSecret, ["CREDENTIALS_KEY"] = "k", [name] = value,
        };

        Should.Throw<ConfigurationException>(() => DrmSettings.FromEnvironment(n => env.GetValueOrDefault(n))).Message.ShouldContain(name);
    }

    private static Task<ProcessResult> RunAsync(string[] arguments, Dictionary<string, string>? extra = null)
    {
        var env = new Dictionary<string, string> { ["JWT_SECRET"] = ServerFixture.JwtSecret };
        foreach (var (key, value) in extra ?? [])
        {
            env[key] = value;
        }

        return ProcessRunner.RunAsync("dotnet", [Drm, .. arguments], TimeSpan.FromMinutes(1), env);
    }
}
