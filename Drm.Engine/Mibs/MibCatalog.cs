using System.Collections.Concurrent;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Mib.Smi;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Drm.Engine.Mibs;

/// <summary>
/// The MIB modules that name results: the global ones, parsed from the folders in <c>MIB_DIRS</c> on first use, and
/// for each tenant those plus its own uploads, which replace global modules of the same name. A tenant's set is
/// rebuilt when its modules change: at once on the node that stored them, within <see cref="RecheckInterval"/> elsewhere.
/// </summary>
public sealed class MibCatalog
{
    public static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(5);

    private readonly Lazy<(IReadOnlyList<MibFile> Files, MibNaming Naming)> _global;
    private readonly TenantDatabase _database;
    private readonly ILogger<MibCatalog> _logger;
    private readonly ConcurrentDictionary<Guid, TenantSet> _tenants = new();

    public MibCatalog(EngineOptions options, TenantDatabase database, ILogger<MibCatalog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _database = database;
        _logger = logger;
        _global = new(() => Load(options.MibDirectories, logger), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The global modules' naming.</summary>
    public MibNaming Global => _global.Value.Naming;

    /// <summary>The global modules as parsed, with the files they came from.</summary>
    public IReadOnlyList<MibFile> GlobalFiles => _global.Value.Files;

    /// <summary>True once the folders have been parsed.</summary>
    public bool IsLoaded => _global.IsValueCreated;

    public string? NameOf(string oid) => Global.NameOf(oid);

    public string? DisplayValueOf(string oid, string type, string value) => Global.DisplayValueOf(oid, type, value);

    /// <summary>The naming of the global modules and the caller's own.</summary>
    public async Task<MibNaming> ForTenantAsync(TenantContext caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = Environment.TickCount64;
        if (_tenants.TryGetValue(caller.TenantId, out var cached) && now - cached.CheckedAt < RecheckInterval.TotalMilliseconds)
        {
            return cached.Naming;
        }

        var stamp = await _database.ExecuteAsync(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "SELECT count(*)::text || ':' || COALESCE(max(updated_at)::text, '') FROM mib_modules WHERE tenant_id = app.current_tenant()",
                connection);
            return (string)(await command.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }, cancellationToken).ConfigureAwait(false);
        if (cached is not null && cached.Stamp == stamp)
        {
            _tenants[caller.TenantId] = cached with { CheckedAt = now };
            return cached.Naming;
        }

        var naming = stamp.StartsWith("0:", StringComparison.Ordinal)
            ? Global
            : new MibNaming(new MibFormatter(BuildTree(await _database.ExecuteAsync(caller, MibStore.ReadTenantSourcesAsync, cancellationToken)
                .ConfigureAwait(false)).Tree));
        _tenants[caller.TenantId] = new TenantSet(stamp, now, naming);
        return naming;
    }

    /// <summary>Forgets a tenant's set after its modules changed on this node.</summary>
    public void Invalidate(Guid tenantId) => _tenants.TryRemove(tenantId, out _);

    /// <summary>
    /// Parses a tenant's module files and resolves them together with the global modules they do not replace. Returns
    /// the tree and, per parsed tenant file, its modules and what the parser said.
    /// </summary>
    public (MibTree Tree, IReadOnlyList<(string FileName, string Source, IReadOnlyList<MibModule> Modules, IReadOnlyList<MibDiagnostic> Diagnostics)> Files)
        BuildTree(IEnumerable<(string Name, string FileName, string Source)> tenantFiles)
    {
        var parsed = new List<(string, string, IReadOnlyList<MibModule>, IReadOnlyList<MibDiagnostic>)>();
        var tenantModules = new Dictionary<string, MibModule>(StringComparer.Ordinal);
        // A file holding several modules is stored once per module: parse each file text once.
        foreach (var group in tenantFiles.GroupBy(f => f.Source, StringComparer.Ordinal))
        {
            var wanted = group.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            var diagnostics = new List<MibDiagnostic>();
            var modules = MibParser.Parse(group.Key, group.First().FileName, diagnostics).Where(m => wanted.Contains(m.Name)).ToList();
            parsed.Add((group.First().FileName, group.Key, modules, diagnostics));
            foreach (var module in modules)
            {
                tenantModules[module.Name] = module;
            }
        }

        var modulesInTree = GlobalFiles.SelectMany(f => f.Modules).Where(m => !tenantModules.ContainsKey(m.Name)).Concat(tenantModules.Values);
        return (MibTree.Build(modulesInTree), parsed);
    }

    private static (IReadOnlyList<MibFile>, MibNaming) Load(IReadOnlyList<string> directories, ILogger logger)
    {
        var present = directories.Where(Directory.Exists).ToArray();
        foreach (var missing in directories.Except(present))
        {
            logger.LogWarning("MIB folder {Folder} does not exist; its modules are not loaded.", missing);
        }

        var files = MibFile.Load(present);
        var tree = MibTree.Build(files.SelectMany(f => f.Modules));
        logger.LogInformation("Loaded {Modules} MIB modules ({Nodes} named OIDs) from {Folders}.",
            files.Sum(f => f.Modules.Count), tree.Nodes.Count, string.Join(':', present));
        return (files, new MibNaming(new MibFormatter(tree)));
    }

    private sealed record TenantSet(string Stamp, long CheckedAt, MibNaming Naming);
}
