using Microsoft.Extensions.Hosting;

namespace Drm.Engine.Mibs;

/// <summary>
/// Parses the global MIBs when the service starts, in the background: a large <c>MIB_DIRS</c> takes about a second,
/// which the first query that names a result would otherwise wait for.
/// </summary>
public sealed class MibCatalogLoader(MibCatalog catalog) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => catalog.Formatter, stoppingToken);
}
