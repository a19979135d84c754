using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Drm.Mib.Smi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Drm.Engine.Mibs;

/// <summary>
/// Parses the global MIBs when the service starts, in the background (a large <c>MIB_DIRS</c> takes about a second,
/// which the first query that names a result would otherwise wait for), and stores them as the global rows of
/// <c>mib_modules</c> and <c>mib_oids</c>: modules whose file and outcome are unchanged are left alone, modules no longer
/// in the folders are removed.
/// </summary>
public sealed class MibCatalogLoader(MibCatalog catalog, TenantDatabase database, ILogger<MibCatalogLoader> logger) : BackgroundService
{
    // Global rows belong to no tenant: written as the platform, which the policies allow to write rows without one.
    private static readonly TenantContext Platform = new(Guid.Empty, Guid.Empty, UserRole.Admin, IsPlatformAdmin: true);

    private const string BuiltIn = "(built in)";

    private readonly TaskCompletionSource _stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the global modules are parsed and stored (or storing them failed, which is logged).</summary>
    public Task Stored => _stored.Task;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        try
        {
            var tree = new MibTreeByModule(catalog.Global.Formatter.Tree);
            var drafts = new List<MibModuleDraft>();
            foreach (var file in catalog.GlobalFiles.Where(f => f.Modules.Count > 0))
            {
                var source = await File.ReadAllTextAsync(file.Path, stoppingToken).ConfigureAwait(false);
                drafts.AddRange(file.Modules.DistinctBy(m => m.Name).Select(m => MibModuleDraft.Resolve(m, Path.GetFileName(file.Path), source, file.Diagnostics, tree)));
            }

            // The core SMI modules the library knows without files are stored too, unless a file in MIB_DIRS has them.
            var builtIn = catalog.Global.Formatter.Tree.Modules.Where(m => CoreModules.Names.Contains(m.Name) && m.Source == BuiltIn);
            drafts.AddRange(builtIn.Select(m => MibModuleDraft.Resolve(m, BuiltIn, CoreModules.Source, [], tree)));

            // The same module name in two files: the first file (in path order) wins, as in the tree.
            drafts = drafts.DistinctBy(d => d.Module.Name).ToList();
            var (written, removed) = await database.ExecuteAsync(Platform, async (connection, ct) =>
            {
                // Nodes starting together store the same rows; one at a time.
                await using (var gate = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('drm.global_mibs'))", connection))
                {
                    await gate.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }

                var count = await MibStore.SaveAsync(connection, global: true, drafts, null, ct).ConfigureAwait(false);
                await using var prune = new NpgsqlCommand("DELETE FROM mib_modules WHERE tenant_id IS NULL AND NOT (name = ANY ($1))", connection);
                prune.Parameters.Add(new() { Value = drafts.Select(d => d.Module.Name).ToArray() });
                return (count, await prune.ExecuteNonQueryAsync(ct).ConfigureAwait(false));
            }, stoppingToken).ConfigureAwait(false);
            logger.LogInformation("Global MIB modules stored: {Written} written, {Unchanged} unchanged, {Removed} removed.",
                written, drafts.Count - written, removed);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Storing the global MIB modules failed; mibModules and mibOids show what was stored before.");
        }
        finally
        {
            _stored.TrySetResult();
        }
    }, stoppingToken);
}
