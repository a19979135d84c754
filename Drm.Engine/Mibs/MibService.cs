using Drm.Engine.Jobs;
using Drm.Engine.Paging;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Drm.Mib.Oids;

namespace Drm.Engine.Mibs;

/// <summary>
/// The MIB library as callers use it: upload (a <c>MIB_PARSE</c> job), browse modules, OIDs and the tree, look up
/// by OID or name, delete a tenant's module. Names are accepted wherever an OID is: <c>IF-MIB::ifDescr.3</c>,
/// <c>ifDescr</c> or <c>1.3.6.1.2.1.2.2.1.2</c>.
/// </summary>
public sealed class MibService(MibStore store, MibCatalog catalog, JobService jobs, TenantDatabase database)
{
    public const int MaxTreeDepth = 5;
    public const int MaxTreeNodes = 2_000;

    /// <summary>Checks the file (its kind, its size, an archive's entries) and enqueues the <c>MIB_PARSE</c> job.</summary>
    public Task<Job> UploadAsync(TenantContext caller, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Require(UserRole.Operator);
        fileName = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        if (fileName.Length is 0 or > 255)
        {
            throw DrmException.BadInput("The upload needs a file name (up to 255 characters) ending in .mib, .txt, .my, .tar.gz or .tgz.");
        }

        // Refused here, before a job exists, so that the caller hears why at once and nothing is stored.
        var files = MibUploadReader.Read(fileName, content);
        return jobs.EnqueueUploadAsync(caller, JobKind.MibParse, new { fileName, files = files.Count, bytes = content.LongLength },
            fileName, content, null, cancellationToken);
    }

    public Task<Page<MibModuleRecord>> ListModulesAsync(TenantContext caller, string? search, PageRequest page, CancellationToken cancellationToken) =>
        store.ListModulesAsync(caller, search, page, cancellationToken);

    public Task<MibModuleRecord?> GetModuleAsync(TenantContext caller, Guid id, CancellationToken cancellationToken) =>
        store.GetModuleAsync(caller, id, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, MibModuleRecord>> GetModulesAsync(
        TenantContext caller, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        store.GetModulesAsync(caller, ids, cancellationToken);

    public async Task<Page<MibOidRecord>> ListOidsAsync(
        TenantContext caller, Guid? moduleId, string? prefix, string? name, PageRequest page, CancellationToken cancellationToken)
    {
        var arcs = string.IsNullOrWhiteSpace(prefix) ? null : await ResolveAsync(caller, prefix, "prefix", cancellationToken).ConfigureAwait(false);
        return await store.ListOidsAsync(caller, moduleId, arcs, name, page, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The object at an OID or name; for an instance (<c>ifDescr.3</c>) the column, with the instance set.</summary>
    public async Task<MibOidRecord?> FindAsync(TenantContext caller, string oidOrName, CancellationToken cancellationToken)
    {
        var text = Normalize(oidOrName, "oid");
        if (OidText.TryParse(text, out var arcs))
        {
            return arcs.Length == 0 ? null : await store.FindByOidAsync(caller, arcs, cancellationToken).ConfigureAwait(false);
        }

        var (module, name, instance) = SplitName(text, "oid");
        var found = await store.FindByNameAsync(caller, module, name, cancellationToken).ConfigureAwait(false);
        return found is null || instance is null ? found : found with { Instance = instance };
    }

    public async Task<IReadOnlyList<MibTreeNode>> TreeAsync(TenantContext caller, string? oid, int depth, CancellationToken cancellationToken)
    {
        if (depth is < 1 or > MaxTreeDepth)
        {
            throw DrmException.BadInput($"'depth' must be between 1 and {MaxTreeDepth}.");
        }

        var arcs = string.IsNullOrWhiteSpace(oid) ? [] : await ResolveAsync(caller, oid, "oid", cancellationToken).ConfigureAwait(false);
        return await store.ChildrenAsync(caller, arcs, depth, MaxTreeNodes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes one of the caller's modules and re-resolves the rest (modules that imported it become <c>UNRESOLVED</c>).</summary>
    public async Task<bool> DeleteModuleAsync(TenantContext caller, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Require(UserRole.Operator);
        // One transaction: the deletion and the importers' new status are stored together or not at all.
        var deleted = await database.ExecuteAsync(caller, async (connection, ct) =>
        {
            if (!await MibStore.DeleteOwnModuleAsync(connection, id, ct).ConfigureAwait(false))
            {
                return false;
            }

            await TenantMibs.ResolveAndStoreAsync(connection, catalog, [], null, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        if (deleted)
        {
            catalog.Invalidate(caller.TenantId);
        }

        return deleted;
    }

    private async Task<uint[]> ResolveAsync(TenantContext caller, string text, string field, CancellationToken cancellationToken)
    {
        var normalized = Normalize(text, field);
        if (OidText.TryParse(normalized, out var arcs))
        {
            return arcs;
        }

        var (module, name, instance) = SplitName(normalized, field);
        var found = await store.FindByNameAsync(caller, module, name, cancellationToken).ConfigureAwait(false)
                    ?? throw DrmException.BadInput($"{field}: no MIB module you can see defines '{text}'.");
        OidText.TryParse(found.Oid + (instance is null ? "" : "." + instance), out var resolved);
        return resolved;
    }

    private static string Normalize(string? text, string field)
    {
        var trimmed = text?.Trim().TrimStart('.') ?? "";
        return trimmed.Length is > 0 and <= 1_000
            ? trimmed
            : throw DrmException.BadInput($"{field}: give a numeric OID (1.3.6.1.2.1.1) or a MIB name (IF-MIB::ifDescr, ifDescr.3).");
    }

    private static (string? Module, string Name, string? Instance) SplitName(string text, string field)
    {
        var separator = text.IndexOf("::", StringComparison.Ordinal);
        var module = separator < 0 ? null : text[..separator];
        var rest = separator < 0 ? text : text[(separator + 2)..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        var name = dot < 0 ? rest : rest[..dot];
        var instance = dot < 0 ? null : rest[(dot + 1)..];
        if (name.Length == 0 || (module is { Length: 0 }) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            || (instance is not null && !OidText.TryParse(instance, out _)))
        {
            throw DrmException.BadInput($"{field}: '{text}' is neither a numeric OID nor a MIB name such as IF-MIB::ifDescr.3.");
        }

        return (module, name, instance);
    }
}
