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

    public async ValueTask DisposeAsync() => await owner.DisposeAsync();
}
