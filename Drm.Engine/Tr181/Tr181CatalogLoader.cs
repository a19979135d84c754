using System.Diagnostics;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Drm.Engine.Tr181;

/// <summary>
/// Imports the models of <c>TR181_SOURCES</c> as the global catalog when the service starts, in the background: an
/// unchanged model rewrites nothing, a newer one updates the global rows in place.
/// </summary>
public sealed class Tr181CatalogLoader(EngineOptions options, TenantDatabase database, ILogger<Tr181CatalogLoader> logger) : BackgroundService
{
    // Global rows belong to no tenant: written as the platform, which the policies allow to write rows without one.
    private static readonly TenantContext Platform = new(Guid.Empty, Guid.Empty, UserRole.Admin, IsPlatformAdmin: true);

    private readonly TaskCompletionSource _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when every source is imported (or failed, which is logged).</summary>
    public Task Stored => _stored.Task;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        try
        {
            foreach (var source in options.Tr181Sources)
            {
                await ImportAsync(source, stoppingToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _stored.TrySetResult();
        }
    }, stoppingToken);

    private async Task ImportAsync(string source, CancellationToken stoppingToken)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            var model = Tr181ImportSource.FromPath(source).Read();
            var (name, version) = Tr181Service.SplitModelName(model.Name);
            var drafts = Tr181ItemDraft.FromModel(model);
            var summary = await database.ExecuteAsync(Platform, async (connection, ct) =>
            {
                // Nodes starting together store the same rows; one at a time.
                await using (var gate = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('drm.global_tr181'))", connection))
                {
                    await gate.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                return await Tr181Store.SaveAsync(connection, global: true, name, version, source, drafts, null, ct).ConfigureAwait(false);
            }, stoppingToken).ConfigureAwait(false);
            logger.LogInformation("TR-181 source {Source} imported in {Elapsed} ms: {Summary}", source, clock.ElapsedMilliseconds, summary);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Importing the TR-181 source {Source} failed; the global catalog keeps what was stored before.", source);
        }
    }
}
