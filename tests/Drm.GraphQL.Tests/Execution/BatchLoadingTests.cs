using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Drm.GraphQL.Tests.Execution;

/// <summary>
/// A list reads each field of its items once for the whole list, not once per item. The SQL a request runs is seen
/// through Npgsql's activities that belong to the request's trace; the class runs alone so that the count is the
/// request's own.
/// </summary>
[Collection(MeasuredAloneCollection.Name)]
public sealed class BatchLoadingTests(ServerFixture server)
{
    private const int Devices = 24;

    [Fact]
    public async Task APageOfDevices_ReadsEachKindOfCredentialOnce_AndEveryDeviceGetsItsOwn()
    {
        var tag = $"batch-{Guid.NewGuid():N}";
        var ids = new List<string>();
        for (var i = 0; i < Devices; i++)
        {
            var id = (await server.PostAsync("mutation($i: CreateDeviceInput!) { createDevice(input: $i) { id } }",
                new { i = new { name = $"{tag}-{i:D2}", address = $"192.0.2.{i + 1}", tags = new[] { tag } } },
                server.Alpha.AdminToken)).Data("createDevice")["id"]!.GetValue<string>();
            ids.Add(id);
            if (i % 2 == 0)
            {
                (await server.PostAsync("mutation($i: SetSnmpCredentialInput!) { setSnmpCredential(input: $i) { version } }",
                    new { i = new { deviceId = id, version = "V2C", community = $"c{i}", port = 1000 + i } }, server.Alpha.AdminToken)).Errors.ShouldBeNull();
            }

            if (i % 3 == 0)
            {
                (await server.PostAsync("mutation($i: SetWebpaEndpointInput!) { setWebpaEndpoint(input: $i) { cpeId } }",
                    new { i = new { deviceId = id, baseUrl = "http://tr1d1um.test:6100", cpeId = $"mac:1122334455{i:D2}" } }, server.Alpha.AdminToken)).Errors.ShouldBeNull();
            }
        }

        var (response, sql) = await TracedAsync(() => server.PostAsync(
            "query($tag: String) { devices(tag: $tag, first: 50) { edges { node { id snmpCredential { port } webpaEndpoint { cpeId } tr069Endpoint { cpeId } uspEndpoint { agentEndpointId } } } } }",
            new { tag }, server.Alpha.ViewerToken));

        var nodes = response.Data("devices")["edges"]!.AsArray().Select(e => e!["node"]!).ToDictionary(n => n["id"]!.GetValue<string>());
        nodes.Count.ShouldBe(Devices);
        for (var i = 0; i < Devices; i++)
        {
            var node = nodes[ids[i]];
            int? port = node["snmpCredential"] is { } snmp ? snmp["port"]!.GetValue<int>() : null;
            port.ShouldBe(i % 2 == 0 ? 1000 + i : null);
            var cpeId = node["webpaEndpoint"]?["cpeId"]!.GetValue<string>();
            cpeId.ShouldBe(i % 3 == 0 ? $"mac:1122334455{i:D2}" : null);
            node["tr069Endpoint"].ShouldBeNull();
            node["uspEndpoint"].ShouldBeNull();
        }

        foreach (var table in (string[])["snmp_credentials", "webpa_endpoints", "tr069_endpoints", "usp_endpoints"])
        {
            sql.Count(s => s.Contains(table, StringComparison.Ordinal)).ShouldBe(1, $"{table}:\n{string.Join('\n', sql)}");
        }
    }

    [Fact]
    public async Task APageOfJobs_ReadsTheirDevicesAndEventsOnce()
    {
        var tag = $"jobs-{Guid.NewGuid():N}";
        var deviceIds = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var id = (await server.PostAsync("mutation($i: CreateDeviceInput!) { createDevice(input: $i) { id } }",
                new { i = new { name = $"{tag}-{i}", address = "127.0.0.1", tags = new[] { tag } } },
                server.Beta.AdminToken)).Data("createDevice")["id"]!.GetValue<string>();
            // Port 9 (discard) answers nothing: the jobs time out, and are rows to list all the same.
            (await server.PostAsync("mutation($i: SetSnmpCredentialInput!) { setSnmpCredential(input: $i) { version } }",
                new { i = new { deviceId = id, version = "V2C", community = "public", port = 9, timeout = 0.2, retries = 0 } },
                server.Beta.AdminToken)).Errors.ShouldBeNull();
            deviceIds.Add(id);
        }

        foreach (var deviceId in deviceIds.Concat(deviceIds))
        {
            (await server.PostAsync("mutation($i: EnqueueSnmpGetInput!) { enqueueSnmpGet(input: $i) { id } }",
                new { i = new { deviceId, oids = new[] { "1.3.6.1.2.1.1.1.0" } } }, server.Beta.OperatorToken)).Errors.ShouldBeNull();
        }

        var (response, sql) = await TracedAsync(() => server.PostAsync(
            "{ jobs(first: 12) { edges { node { device { id name } events { status } } } } }", null, server.Beta.ViewerToken));

        var devices = response.Data("jobs")["edges"]!.AsArray().Select(e => e!["node"]!["device"]!["id"]!.GetValue<string>()).ToList();
        devices.Count.ShouldBe(12);
        devices.ShouldBe(deviceIds.Concat(deviceIds).Reverse(), ignoreOrder: true);
        sql.Count(s => s.Contains("FROM devices", StringComparison.Ordinal)).ShouldBe(1, string.Join('\n', sql));
        sql.Count(s => s.Contains("FROM job_events", StringComparison.Ordinal)).ShouldBe(1, string.Join('\n', sql));
        response.Data("jobs")["edges"]!.AsArray().ShouldAllBe(e => e!["node"]!["events"]![0]!["status"]!.GetValue<string>() == "QUEUED");
    }

    // Runs the request under a trace of its own and returns the SQL text of every Npgsql command in that trace.
    private static async Task<(T Result, List<string> Sql)> TracedAsync<T>(Func<Task<T>> request)
    {
        var commands = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.Source.Name == "Npgsql")
                {
                    commands.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("Drm.GraphQL.Tests");
        T result;
        ActivityTraceId trace;
        using (var root = source.StartActivity("request")!)
        {
            trace = root.TraceId;
            result = await request();
        }

        var sql = commands.Where(a => a.TraceId == trace)
            .Select(a => string.Join(' ', a.TagObjects.Select(t => t.Value as string).Where(v => v is not null)))
            .ToList();
        sql.ShouldNotBeEmpty("Npgsql commands of the request were not traced");
        return (result, sql);
    }
}
