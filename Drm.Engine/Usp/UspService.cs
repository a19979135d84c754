using Drm.Engine.Jobs;
using Drm.Engine.Tenancy;
using Drm.Engine.Tr181;
using Drm.Engine.Users;

namespace Drm.Engine.Usp;

/// <summary>
/// Queues USP_GET and USP_SET jobs for agents reached over MQTT or WebSocket. A set is checked against the TR-181 catalog the
/// caller sees before anything is queued, and refused with every error found unless the caller forces it.
/// </summary>
public sealed class UspService(JobService jobs, Tr181Service tr181)
{
    public const int MaxNames = 128;
    public const int MaxSetParameters = 64;

    // TR-369 defines MTPs over MQTT and WebSocket (and STOMP, CoAP, UDS), none over plain HTTP: an endpoint with
    // transport HTTP is refused when a job is asked for.
    private static readonly (string Table, string Missing) Endpoint = (
        "(SELECT device_id FROM usp_endpoints WHERE transport IN ('mqtt', 'websocket'))",
        "The device has no USP endpoint over MQTT or WebSocket; set one with setUspEndpoint. USP has no HTTP MTP to send a job over.");

    /// <summary>Reads parameters from the agent; a name ending in <c>.</c> reads every parameter under that object.</summary>
    public Task<Job> EnqueueGetAsync(TenantContext caller, Guid deviceId, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Require(UserRole.Operator);
        var checkedNames = Tr181Service.CheckedReadPaths(names, MaxNames);
        return jobs.EnqueueDeviceJobAsync(caller, deviceId, JobKind.UspGet, new { names = checkedNames }, null, Endpoint, cancellationToken);
    }

    public async Task<Job> EnqueueSetAsync(
        TenantContext caller, Guid deviceId, IReadOnlyList<UspSetItem> parameters, bool force, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        caller.Require(UserRole.Operator);
        ArgumentNullException.ThrowIfNull(parameters);
        var prepared = await tr181.PrepareSetAsync(
            caller, parameters.Select(p => new Tr181ValueInput(p.Name, p.Value)).ToList(), MaxSetParameters, force, cancellationToken).ConfigureAwait(false);
        var items = prepared.Select(p => new { name = p.Path, value = p.Value }).ToArray();
        return await jobs.EnqueueDeviceJobAsync(
            caller, deviceId, JobKind.UspSet, new { parameters = items, force }, items.Length, Endpoint, cancellationToken).ConfigureAwait(false);
    }
}
