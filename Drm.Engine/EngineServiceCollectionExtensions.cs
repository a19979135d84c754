using Drm.Engine.Credentials;
using Drm.Engine.Devices;
using Drm.Engine.Jobs;
using Drm.Engine.Security;
using Drm.Engine.Storage;
using Drm.Engine.Tenants;
using Drm.Engine.Users;
using Drm.Protocols.Snmp;
using Drm.Protocols.Tr069;
using Drm.Protocols.Usp;
using Drm.Protocols.WebPa;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Drm.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>Registers the data source, the tenant-scoped database and the engine's services.</summary>
    public static IServiceCollection AddDrmEngine(this IServiceCollection services, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(options.Database);
        services.AddSingleton(options.Snmp);
        services.AddSingleton(options.WebPa);
        services.AddSingleton(options.Tr069);
        services.AddSingleton(options.Usp);
        services.AddSingleton(SecretProtector.FromKeyText(options.CredentialsKey));
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(options.Database.ConnectionString).Build());
        services.AddSingleton<TenantDatabase>();
        services.AddSingleton<TenantService>();
        services.AddSingleton<UserService>();
        services.AddSingleton<DeviceService>();
        services.AddSingleton<CredentialService>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<Mibs.MibCatalog>();
        services.AddSingleton<Mibs.MibStore>();
        services.AddSingleton<Mibs.MibService>();
        services.AddSingleton<Mibs.Tables.MibTableReader>();
        services.AddSingleton<Mibs.MibCatalogLoader>();
        services.AddHostedService(provider => provider.GetRequiredService<Mibs.MibCatalogLoader>());
        services.AddSingleton<Tr181.Tr181Store>();
        services.AddSingleton<Tr181.Tr181Service>();
        services.AddSingleton<Tr181.Tr181CatalogLoader>();
        services.AddHostedService(provider => provider.GetRequiredService<Tr181.Tr181CatalogLoader>());
        services.AddSingleton<WebPa.WebPaService>();
        services.AddSingleton<Tr069.Tr069Service>();
        services.AddSingleton<Usp.UspService>();
        services.AddJobEngine(options.Jobs);
        return services;
    }
}
