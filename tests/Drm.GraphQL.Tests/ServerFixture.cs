using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Drm.Engine;
using Drm.Engine.Storage;
using Drm.Engine.Users;
using Drm.GraphQL.Auth;
using Drm.GraphQL.Configuration;
using Drm.GraphQL.Hosting;
using Drm.TestUtils;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(Drm.GraphQL.Tests.ServerFixture))]

namespace Drm.GraphQL.Tests;

/// <summary>
/// The real service — Kestrel on a loopback port, a private PostgreSQL behind it — with two tenants, alpha and beta,
/// each with an admin, an operator and a viewer. Tests talk to it over HTTP and WebSocket as clients would.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string JwtSecret = "test-secret-that-is-long-enough-for-hs256!";
    public const string Password = "tenant-pass-1";
    public const string CorsOrigin = "https://ui.example.net";
    public const string ImportTr181 = "mutation($file: Upload, $source: String) { importTr181(file: $file, source: $source) { id kind status } }";

    public const string UploadMib = "mutation($file: Upload!, $name: String) { uploadMib(file: $file, name: $name) { id kind status } }";

    private WebApplication? _app;

    public PostgresServer Database { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri GraphQLUrl => new(BaseUrl, "/graphql");

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public TokenService Tokens { get; } = new(new JwtOptions(JwtSecret, TimeSpan.FromHours(1)), TimeProvider.System);

    public string PlatformAdminToken { get; private set; } = "";

    public TestTenant Alpha { get; private set; } = null!;

    /// <summary>The running service's services, for tests that check its internals (subscription clean-up).</summary>
    public IServiceProvider Services => _app!.Services;

    public TestTenant Beta { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await PostgresServer.StartAsync();
        await Database.CreateDatabaseAsync("drm");
        var settings = new DrmSettings
        {
            Engine = new EngineOptions
            {
                Database = new DatabaseOptions
                {
                    ConnectionString = Database.AppConnectionString("drm"),
                    MigrationConnectionString = Database.OwnerConnectionString("drm"),
                },
                CredentialsKey = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i * 7)).ToArray()),
                MibDirectories = [Path.Combine(RepositoryPaths.Shared, "data", "mibs", "rfc"), "/usr/share/snmp/mibs"],
                Tr181Sources = [TestTr181.UspComponents],
            },
            Jwt = new JwtOptions(JwtSecret, TimeSpan.FromHours(1)),
            Port = 0,
            BindAddress = "127.0.0.1",
            EnableSse = true,
            CorsOrigins = [CorsOrigin],
            WebSocketInitTimeout = TimeSpan.FromSeconds(2),
        };
        DrmHost.Migrate(settings.Engine.Database, _ => { });
        _app = DrmHost.Build(settings, []);
        await _app.StartAsync();
        BaseUrl = new Uri(_app.Urls.First());
        PlatformAdminToken = Tokens.Mint(Guid.NewGuid(), Guid.NewGuid(), UserRole.Admin, platformAdmin: true);
        Alpha = await CreateTenantAsync("alpha");
        Beta = await CreateTenantAsync("beta");
        // The global MIBs are stored in the background after start-up; the MIB tests read them.
        await _app.Services.GetRequiredService<Drm.Engine.Mibs.MibCatalogLoader>().Stored;
        await _app.Services.GetRequiredService<Drm.Engine.Tr181.Tr181CatalogLoader>().Stored;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Http.Dispose();
        await Database.DisposeAsync();
    }

    /// <summary>POSTs an operation and returns the HTTP status and the parsed body.</summary>
    public Task<GraphQLResponse> PostAsync(
        string query, object? variables = null, string? token = null, string accept = "application/graphql-response+json") =>
        PostAsync(Http, GraphQLUrl, query, variables, token, accept);

    /// <summary>POSTs an operation to any GraphQL endpoint (a <c>drm serve</c> process too).</summary>
    public static async Task<GraphQLResponse> PostAsync(
        HttpClient http, Uri graphQLUrl, string query, object? variables, string? token, string accept = "application/graphql-response+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, graphQLUrl)
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd(accept);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, JsonNode.Parse(body)!.AsObject(), body);
    }

    private async Task<TestTenant> CreateTenantAsync(string slug)
    {
        var created = await PostAsync(
            "mutation($i: CreateTenantInput!) { createTenant(input: $i) { id slug } }",
            new { i = new { slug, name = slug.ToUpperInvariant(), adminEmail = $"admin@{slug}.test", adminPassword = Password } },
            PlatformAdminToken);
        var tenantId = created.Data("createTenant")["id"]!.GetValue<string>();
        var admin = await LoginAsync(slug, $"admin@{slug}.test");
        foreach (var role in new[] { "OPERATOR", "VIEWER" })
        {
            (await PostAsync(
                "mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
                new { i = new { email = $"{role.ToLowerInvariant()}@{slug}.test", password = Password, role } },
                admin)).Errors.ShouldBeNull();
        }

        return new TestTenant(slug, tenantId, admin, await LoginAsync(slug, $"operator@{slug}.test"), await LoginAsync(slug, $"viewer@{slug}.test"));
    }

    public async Task<string> LoginAsync(string slug, string email, string password = Password)
    {
        var login = await PostAsync(
            "mutation($i: LoginInput!) { login(input: $i) { token } }",
            new { i = new { tenantSlug = slug, email, password } });
        return login.Data("login")["token"]!.GetValue<string>();
    }

    /// <summary>Polls a job until it has finished and returns it with its results.</summary>
    public async Task<JsonNode> WaitForJobAsync(string id, string token)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var read = await PostAsync(
                "query($id: ID!) { job(id: $id) { status errorType errorMessage results(first: 500) { edges { node { oid type value } } } } }", new { id }, token);
            var job = read.Data("job");
            if (job["status"]!.GetValue<string>() is "COMPLETED" or "FAILED" or "CANCELLED")
            {
                return job;
            }

            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
            await Task.Delay(50);
        }
    }

    /// <summary>Sends one file with a GraphQL multipart request, as the variable <c>file</c>.</summary>
    public Task<GraphQLResponse> PostMultipartAsync(string query, string fileName, byte[] content, string token, string? name = null) =>
        SendMultipartAsync(Multipart(query, new { file = (string?)null, name }, """{ "0": ["variables.file"] }""", ("0", fileName, content)), token);

    // The GraphQL multipart request: operations, then map, then the files.
    public static MultipartFormDataContent Multipart(string query, object variables, string map, params (string Part, string FileName, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8), "operations" },
            { new StringContent(map, Encoding.UTF8), "map" },
        };
        foreach (var (part, fileName, content) in files)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, part, fileName);
        }

        return form;
    }

    public async Task<GraphQLResponse> SendMultipartAsync(MultipartFormDataContent content, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, GraphQLUrl) { Content = content };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new GraphQLResponse((int)response.StatusCode, JsonNode.Parse(body)!.AsObject(), body);
    }
}
