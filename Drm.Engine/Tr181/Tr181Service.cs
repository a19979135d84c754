using Drm.Engine.Jobs;
using Drm.Engine.Paging;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Drm.Mib.Tr181;

namespace Drm.Engine.Tr181;

/// <summary>
/// The TR-181 catalog as callers use it: import (a <c>TR181_IMPORT</c> job), list and search, the tree, one item, and
/// validation of proposed sets. Paths may name instances (<c>Device.WiFi.SSID.1.SSID</c>) wherever a model path
/// (<c>Device.WiFi.SSID.{i}.SSID</c>) is meant.
/// </summary>
public sealed class Tr181Service(Tr181Store store, JobService jobs, EngineOptions options)
{
    public const int MaxTreeDepth = 10;
    public const int MaxTreeNodes = 5_000;
    public const int MaxValidateItems = 1_000;
    private const int MaxPathLength = 256;

    /// <summary>
    /// Enqueues the import of an uploaded model (<paramref name="content"/>) or of a server-side file allowed by
    /// <c>TR181_SOURCES</c> (<paramref name="source"/>). A <paramref name="global"/> import (every tenant reads it)
    /// is a platform administrator's.
    /// </summary>
    public Task<Job> ImportAsync(
        TenantContext caller, string? fileName, byte[]? content, string? source, bool global, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Require(UserRole.Operator);
        if (global)
        {
            caller.RequirePlatformAdmin();
        }

        if ((content is null) == string.IsNullOrWhiteSpace(source))
        {
            throw DrmException.BadInput("Give either a file (a multipart upload) or a source (a server-side path of TR181_SOURCES), not both or neither.");
        }

        if (content is not null)
        {
            fileName = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
            if (fileName.Length is 0 or > 255)
            {
                throw DrmException.BadInput("The upload needs a file name (up to 255 characters) ending in .xml, .tar.gz or .tgz.");
            }

            // Refused here, before a job exists, so that the caller hears why at once and nothing is stored.
            var documents = Tr181ImportSource.FromUpload(fileName, content);
            return jobs.EnqueueUploadAsync(caller, JobKind.Tr181Import,
                new { fileName, entry = documents.MainFile, files = documents.Files.Count, bytes = content.LongLength, global }, fileName, content, null,
                cancellationToken);
        }

        var path = source!.Trim();
        if (!IsAllowedSource(options, path))
        {
            throw DrmException.BadInput($"source: '{path}' is not one of the files this server imports from (TR181_SOURCES).");
        }

        return jobs.EnqueueUploadAsync(caller, JobKind.Tr181Import, new { fileName = Path.GetFileName(path), source = Path.GetFullPath(path), global },
            Path.GetFileName(path), null, null, cancellationToken);
    }

    public Task<Page<Tr181Item>> ListAsync(TenantContext caller, Tr181Filter filter, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var prefix = filter.PathPrefix?.Trim();
        if (prefix is { Length: > 1_000 })
        {
            throw DrmException.BadInput("pathPrefix: at most 1,000 characters.");
        }

        if (filter.Search is { Length: > 200 })
        {
            throw DrmException.BadInput("search: at most 200 characters.");
        }

        return store.ListAsync(caller, filter with { PathPrefix = string.IsNullOrEmpty(prefix) ? null : Tr181Path.ToTemplate(prefix) }, page,
            cancellationToken);
    }

    public Task<Tr181Item?> GetAsync(TenantContext caller, Guid id, CancellationToken cancellationToken) => store.GetAsync(caller, id, cancellationToken);

    /// <summary>
    /// The item at a path; an object may be named without its trailing dot (Device.WiFi), a table without its {i}
    /// (Device.WiFi.SSID), an instance by its numbers (Device.WiFi.SSID.1.SSID).
    /// </summary>
    public async Task<Tr181Item?> FindAsync(TenantContext caller, string path, CancellationToken cancellationToken)
    {
        var template = Tr181Path.ToTemplate(CheckedPath(path, "path"));
        string[] candidates = [template, Tr181Path.AsObjectPath(template), Tr181Path.AsObjectPath(template) + "{i}."];
        var found = await store.FindAsync(caller, candidates, cancellationToken).ConfigureAwait(false);
        return candidates.Select(c => found.FirstOrDefault(i => i.Path == c)).FirstOrDefault(i => i is not null);
    }

    /// <summary>The catalog item of each instance path (null where there is none), in the order asked.</summary>
    public async Task<IReadOnlyList<Tr181Item?>> FindAllAsync(TenantContext caller, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var templates = paths.Select(p => Tr181Path.ToTemplate((p ?? "").Trim())).ToList();
        var found = (await store.FindAsync(caller, templates.Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList(), cancellationToken)
                .ConfigureAwait(false))
            .ToDictionary(i => i.Path, StringComparer.Ordinal);
        return templates.Select(t => found.GetValueOrDefault(t)).ToList();
    }

    public async Task<IReadOnlyList<Tr181TreeNode>> TreeAsync(TenantContext caller, string? rootPath, int depth, CancellationToken cancellationToken)
    {
        if (depth is < 1 or > MaxTreeDepth)
        {
            throw DrmException.BadInput($"'depth' must be between 1 and {MaxTreeDepth}.");
        }

        var root = string.IsNullOrWhiteSpace(rootPath) ? "" : Tr181Path.AsObjectPath(Tr181Path.ToTemplate(CheckedPath(rootPath, "rootPath")));
        return await store.TreeAsync(caller, root, depth, MaxTreeNodes, cancellationToken).ConfigureAwait(false)
               ?? throw DrmException.BadInput($"rootPath: there is no object '{root}' in the TR-181 catalog you can see.");
    }

    /// <summary>
    /// Deletes one of the caller's models (<c>X_ACME_Device</c> or <c>X_ACME_Device:1.1</c>) with all its rows, or with
    /// <paramref name="global"/> a global one (platform administrators only); false when there is none.
    /// </summary>
    public Task<bool> DeleteModelAsync(TenantContext caller, string name, bool global, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Require(UserRole.Operator);
        if (global)
        {
            caller.RequirePlatformAdmin();
        }

        var (model, _) = SplitModelName(CheckedPath(name, "name"));
        return store.DeleteModelAsync(caller, global, model, cancellationToken);
    }

    public Task<IReadOnlyList<Tr181ModelRecord>> ModelsAsync(TenantContext caller, CancellationToken cancellationToken) =>
        store.ModelsAsync(caller, cancellationToken);

    /// <summary>Checks each proposed value against the catalog the caller sees; every item gets every error found.</summary>
    public async Task<IReadOnlyList<Tr181ValidationResult>> ValidateAsync(
        TenantContext caller, IReadOnlyList<Tr181ValueInput> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count > MaxValidateItems)
        {
            throw DrmException.BadInput($"At most {MaxValidateItems:N0} values may be validated at once.");
        }

        var found = await FindAllAsync(caller, items.Select(i => i.Path).ToList(), cancellationToken).ConfigureAwait(false);
        return items.Select((input, n) => Validate(input, found[n])).ToList();
    }

    /// <summary>
    /// What a set job calls before it sends anything: <c>BAD_USER_INPUT</c> listing every error unless all values are
    /// valid, or <paramref name="force"/> is set.
    /// </summary>
    public async Task RequireValidAsync(TenantContext caller, IReadOnlyList<Tr181ValueInput> items, bool force, CancellationToken cancellationToken)
    {
        if (force)
        {
            return;
        }

        var invalid = (await ValidateAsync(caller, items, cancellationToken).ConfigureAwait(false)).Where(r => !r.IsValid).ToList();
        if (invalid.Count > 0)
        {
            var errors = invalid.SelectMany(r => r.Errors.Select(e => $"{r.Path}: {e.Code}: {e.Message}")).Take(20);
            throw DrmException.BadInput($"{invalid.Count} of {items.Count} values are refused by the TR-181 model (set force to send them anyway): "
                                        + string.Join(" ", errors));
        }
    }

    /// <summary>
    /// What a protocol's set job calls before it queues anything: up to <paramref name="maxItems"/> parameters, each a
    /// TR-181 instance path named once, every value valid in the catalog the caller sees (else <c>BAD_USER_INPUT</c>
    /// listing every error, unless <paramref name="force"/>). Each comes back with the catalog's base type of its
    /// parameter, null where the catalog has none (a forced set may name parameters it does not know).
    /// </summary>
    public async Task<IReadOnlyList<(string Path, string Value, string? BaseType)>> PrepareSetAsync(
        TenantContext caller, IReadOnlyList<Tr181ValueInput> items, int maxItems, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0 || items.Count > maxItems)
        {
            throw DrmException.BadInput($"parameters must hold between 1 and {maxItems} items.");
        }

        var paths = items.Select((item, i) => CheckedInstancePath(item.Path, $"parameters[{i}].name", objectAllowed: false)).ToList();
        if (paths.Distinct(StringComparer.Ordinal).Count() != paths.Count)
        {
            throw DrmException.BadInput("parameters names a parameter more than once.");
        }

        var values = items.Select((item, i) => new Tr181ValueInput(paths[i], item.Value ?? "")).ToList();
        await RequireValidAsync(caller, values, force, cancellationToken).ConfigureAwait(false);
        var known = await FindAllAsync(caller, paths, cancellationToken).ConfigureAwait(false);
        return values.Select((v, i) => (v.Path, v.Value, known[i]?.BaseType)).ToList();
    }

    /// <summary>What a protocol's get job reads: 1 to <paramref name="maxNames"/> parameter paths or object paths (ending in '.').</summary>
    public static string[] CheckedReadPaths(IReadOnlyList<string> names, int maxNames)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count == 0 || names.Count > maxNames)
        {
            throw DrmException.BadInput($"names must hold between 1 and {maxNames} parameter or object paths.");
        }

        return names.Select((n, i) => CheckedInstancePath(n, $"names[{i}]", objectAllowed: true)).ToArray();
    }

    /// <summary>
    /// A path a protocol can carry: <c>Device.</c> then segments of letters, digits, '_' and '-', with instance
    /// numbers in place of <c>{i}</c>; ending in '.' (an object) only where <paramref name="objectAllowed"/>.
    /// </summary>
    public static string CheckedInstancePath(string? path, string field, bool objectAllowed)
    {
        var trimmed = path?.Trim() ?? "";
        var segments = trimmed.TrimEnd('.').Split('.');
        var wellFormed = trimmed.Length is > 0 and <= MaxPathLength
                         && segments[0] == "Device"
                         && segments.All(s => s.Length > 0 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'));
        if (!wellFormed)
        {
            throw DrmException.BadInput($"{field}: '{path}' is not a TR-181 path (Device.… with instance numbers in place of {{i}}).");
        }

        if (!objectAllowed && trimmed.EndsWith('.'))
        {
            throw DrmException.BadInput($"{field}: '{trimmed}' names an object; a set needs parameter paths.");
        }

        return trimmed;
    }

    /// <summary>"Device:2.19" → ("Device", "2.19"): the name without the version is what a newer import replaces.</summary>
    public static (string Name, string? Version) SplitModelName(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var colon = model.LastIndexOf(':');
        return colon <= 0 ? (model, null) : (model[..colon], model[(colon + 1)..]);
    }

    public static bool IsAllowedSource(EngineOptions options, string path)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        var full = Path.GetFullPath(path);
        return options.Tr181Sources.Any(s => string.Equals(Path.GetFullPath(s), full, StringComparison.Ordinal));
    }

    private static Tr181ValidationResult Validate(Tr181ValueInput input, Tr181Item? item)
    {
        var path = (input.Path ?? "").Trim();
        var value = input.Value ?? "";
        var errors = new List<Tr181ValueError>();
        if (Tr181Path.CheckInstanceNumbers(path) is { } instanceError)
        {
            errors.Add(instanceError);
        }

        if (item is null)
        {
            errors.Add(new(Tr181ErrorCodes.UnknownPath, path.Length == 0 ? "The path is empty." : $"No parameter '{path}' in the TR-181 catalog you can see."));
            return new Tr181ValidationResult(path, value, null, errors);
        }

        if (item.Parameter is not { } parameter)
        {
            errors.Add(new(Tr181ErrorCodes.NotAParameter, $"'{path}' is {(item.Kind == Tr181ItemKind.Object ? "an object" : $"a {item.Kind.ToString().ToLowerInvariant()}")}, not a parameter: only parameters take values."));
            return new Tr181ValidationResult(path, value, item, errors);
        }

        if (parameter.Access == Tr181Access.ReadOnly)
        {
            errors.Add(new(Tr181ErrorCodes.NotWritable, $"'{path}' is read-only."));
        }

        errors.AddRange(Tr181ValueValidator.Validate(parameter.Syntax, value));
        return new Tr181ValidationResult(path, value, item, errors);
    }

    private static string CheckedPath(string? path, string field)
    {
        var trimmed = path?.Trim() ?? "";
        return trimmed.Length is > 0 and <= 1_000
            ? trimmed
            : throw DrmException.BadInput($"{field}: give a TR-181 path such as Device.WiFi.SSID.1.SSID (up to 1,000 characters).");
    }
}
