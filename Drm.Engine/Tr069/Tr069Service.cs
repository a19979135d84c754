using Drm.Engine.Jobs;
using Drm.Engine.Tenancy;
using Drm.Engine.Tr181;
using Drm.Engine.Users;

namespace Drm.Engine.Tr069;

/// <summary>
/// Queues TR069_GET and TR069_SET jobs, run through the device's ACS. A set is checked against the TR-181 catalog the
/// caller sees before anything is queued, and refused with every error found unless the caller forces it.
/// </summary>
public sealed class Tr069Service(JobService jobs, Tr181Service tr181)
{
    public const int MaxNames = 128;
    public const int MaxSetParameters = 64;

    // The xsd types a CPE's SetParameterValues accepts (TR-069 Annex A's data types).
    private static readonly HashSet<string> XsdTypes =
        ["string", "int", "unsignedInt", "long", "unsignedLong", "boolean", "dateTime", "base64", "hexBinary", "decimal"];

    private static readonly (string Table, string Missing) Endpoint =
        ("tr069_endpoints", "The device has no TR-069 endpoint; set one with setTr069Endpoint first.");

    /// <summary>Reads parameters from the CPE; a name ending in <c>.</c> reads every parameter under that object.</summary>
    public Task<Job> EnqueueGetAsync(TenantContext caller, Guid deviceId, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Require(UserRole.Operator);
        var checkedNames = Tr181Service.CheckedReadPaths(names, MaxNames);
        return jobs.EnqueueDeviceJobAsync(caller, deviceId, JobKind.Tr069Get, new { names = checkedNames }, null, Endpoint, cancellationToken);
    }

    public async Task<Job> EnqueueSetAsync(
        TenantContext caller, Guid deviceId, IReadOnlyList<Tr069SetItem> parameters, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Require(UserRole.Operator);
        ArgumentNullException.ThrowIfNull(parameters);
        var given = parameters.Select((p, i) => p.Type is null ? null : XsdType(p.Type, i)).ToList();
        var prepared = await tr181.PrepareSetAsync(
            caller, parameters.Select(p => new Tr181ValueInput(p.Name, p.Value)).ToList(), MaxSetParameters, force, cancellationToken).ConfigureAwait(false);
        var items = prepared.Select((p, i) => new
        {
            name = p.Path,
            value = p.Value,
            type = given[i] ?? (p.BaseType is { } known && XsdTypes.Contains(known) ? known : "string"),
        }).ToArray();
        return await jobs.EnqueueDeviceJobAsync(
            caller, deviceId, JobKind.Tr069Set, new { parameters = items, force }, items.Length, Endpoint, cancellationToken).ConfigureAwait(false);
    }

    private static string XsdType(string type, int index)
    {
        var bare = type.Trim().StartsWith("xsd:", StringComparison.Ordinal) ? type.Trim()[4..] : type.Trim();
        return XsdTypes.Contains(bare)
            ? bare
            : throw DrmException.BadInput($"parameters[{index}].type: '{type}' is not one of {string.Join(", ", XsdTypes)}.");
    }
}
