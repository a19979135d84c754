using Drm.Engine;
using Drm.Engine.Jobs;
using Drm.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Drm.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

[assembly: AssemblyFixture(typeof(Drm.Engine.Tests.EngineDatabaseFixture))]

namespace Drm.Engine.Tests;

/// <summary>
/// One private PostgreSQL cluster for the assembly, with a migrated template database; each test class gets its own
/// copy of the template, so tests see the real schema and policies and never each other's rows.
/// </summary>
public sealed class EngineDatabaseFixture : IAsyncLifetime
{
    private const string Template = "drm_template";
    private int _counter;

    public PostgresServer Server { get; private set; } = null!;

    /// <summary>A fixed AES key for tests; production keys come from CREDENTIALS_KEY.</summary>
    public static string CredentialsKey { get; } = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public async ValueTask InitializeAsync()
    {
        Server = await PostgresServer.StartAsync();
        await Server.CreateDatabaseAsync(Template);
        DatabaseMigrator.Migrate(Server.OwnerConnectionString(Template), PostgresServer.AppRole);
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>A fresh migrated database and an engine wired to it as the service role.</summary>
    public async Task<EngineScope> CreateScopeAsync(
        Drm.Protocols.WebPa.WebPaClientOptions? webPa = null, Drm.Protocols.Tr069.Tr069ClientOptions? tr069 = null, Drm.Protocols.Usp.UspClientOptions? usp = null)
    {
        var name = $"drm_test_{Interlocked.Increment(ref _counter)}";
        await Server.CreateDatabaseAsync(name, Template);
        var services = new ServiceCollection();
        services.AddDrmEngine(new EngineOptions
        {
            Database = new DatabaseOptions { ConnectionString = Server.AppConnectionString(name) },
            CredentialsKey = CredentialsKey,
            WebPa = webPa ?? new(),
            Tr069 = tr069 ?? new(),
            Usp = usp ?? new(),
        });
        var provider = services.BuildServiceProvider();
        return new EngineScope(name, Server, provider, provider);
    }

    /// <summary>
    /// A fresh migrated database and a started engine host (the actor system runs), as the service runs it.
    /// </summary>
    public async Task<EngineScope> StartEngineAsync(
        JobEngineOptions? jobs = null, IReadOnlyList<string>? tr181Sources = null, Drm.Protocols.Tr069.Tr069ClientOptions? tr069 = null)
    {
        var name = $"drm_test_{Interlocked.Increment(ref _counter)}";
        await Server.CreateDatabaseAsync(name, Template);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDrmEngine(new EngineOptions
        {
            Database = new DatabaseOptions { ConnectionString = Server.AppConnectionString(name) },
            CredentialsKey = CredentialsKey,
            Jobs = jobs ?? new JobEngineOptions { ResumeInterval = TimeSpan.FromMilliseconds(500), Lease = TimeSpan.FromSeconds(3) },
            Tr181Sources = tr181Sources ?? [],
            Tr069 = tr069 ?? new(),
        });
        var host = builder.Build();
        await host.StartAsync();
        return new EngineScope(name, Server, host.Services, new HostOwner(host));
    }

    private sealed class HostOwner(IHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
            host.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
