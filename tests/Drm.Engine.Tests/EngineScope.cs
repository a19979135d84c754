using Drm.Engine.Jobs;
using Drm.Engine.Paging;
using Drm.Engine.Tenancy;
using Drm.Engine.Tenants;
using Drm.Engine.Users;
using Drm.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Drm.Engine.Tests;

/// <summary>An engine over one test database, with helpers to create tenants and callers.</summary>
public sealed class EngineScope(string database, PostgresServer server, IServiceProvider services, IAsyncDisposable owner) : IAsyncDisposable
{
    public static readonly TenantContext PlatformAdmin = new(Guid.Empty, Guid.Empty, UserRole.Admin, IsPlatformAdmin: true);

    public string Database { get; } = database;

    public PostgresServer Server { get; } = server;

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    /// <summary>Creates a tenant with an admin and returns the admin's context.</summary>
    public async Task<TenantContext> CreateTenantAsync(string slug, string password = "correct-horse")
    {
        var tenant = await Get<TenantService>().CreateAsync(
            PlatformAdmin, new CreateTenantInput(slug, slug.ToUpperInvariant(), $"admin@{slug}.test", password), default);
        var admin = await Get<UserService>().AuthenticateAsync(slug, $"admin@{slug}.test", password, default)
            ?? throw new InvalidOperationException("The new admin cannot log in.");
        return new TenantContext(tenant.Id, admin.Id, UserRole.Admin);
    }

    /// <summary>A connection as the service role with no tenant context at all.</summary>
    public async Task<NpgsqlConnection> OpenAppConnectionAsync()
    {
        var connection = new NpgsqlConnection(Server.AppConnectionString(Database));
        await connection.OpenAsync();
        return connection;
    }

    public async Task<NpgsqlConnection> OpenOwnerConnectionAsync()
    {
        var connection = new NpgsqlConnection(Server.OwnerConnectionString(Database));
        await connection.OpenAsync();
        return connection;
    }

    public async Task<NpgsqlConnection> OpenSuperuserConnectionAsync()
    {
        var connection = new NpgsqlConnection(Server.ConnectionString(Database));
        await connection.OpenAsync();
        return connection;
    }

    public IServiceProvider Services => services;

    /// <summary>Reads the job until it has finished (a minute at most) and returns its final state.</summary>
    public async Task<Job> WaitForJobAsync(TenantContext caller, Job job)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!job.IsFinished)
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
            await Task.Delay(20);
            job = (await Get<JobService>().GetAsync(caller, job.Id, default))!;
        }

        return job;
    }

    /// <summary>The job's first page of results as (oid, type, value), for protocol jobs that answer in one piece.</summary>
    public async Task<List<(string Oid, string Type, string Value)>> ResultRowsAsync(TenantContext caller, Job job) =>
        (await ResultsAsync(caller, job)).Select(r => (r.Oid, r.Type, r.Value)).ToList();

    /// <summary>The job's first page of results (as many as a page holds).</summary>
    public async Task<IReadOnlyList<JobResult>> ResultsAsync(TenantContext caller, Job job) =>
        (await Get<JobService>().ResultsAsync(caller, job.Id, null, new PageRequest(PageRequest.MaxSize), default)).Items;

    public async ValueTask DisposeAsync() => await owner.DisposeAsync();
}
