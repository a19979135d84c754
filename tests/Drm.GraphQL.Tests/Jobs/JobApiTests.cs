using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Drm.Engine.Jobs;
using Drm.Protocols.Snmp;
using Drm.TestUtils;
using Microsoft.Extensions.DependencyInjection;

namespace Drm.GraphQL.Tests.Jobs;

/// <summary>Jobs through the API: mutations, queries, subscriptions over graphql-transport-ws, tenant isolation.</summary>
public sealed class JobApiTests(ServerFixture server)
{
    private const string JobFields = "id status progress { itemsDone itemsExpected percent } errorType errorMessage";

    [Fact]
    public async Task BulkwalkJob_SubscriberSeesQueuedRunningProgressAndCompletedInOrder_AndAnotherTenantSeesNothing()
    {
        await using var agent = SimulatedAgent.Start(SnmpRecording.InterfaceTable(10_000));
        var deviceId = await DeviceAsync(server.Alpha, "walked", agent.EndPoints[0]);
        using var alpha = await GraphQLWebSocket.ConnectAsync(server, server.Alpha.OperatorToken);
        using var beta = await GraphQLWebSocket.ConnectAsync(server, server.Beta.AdminToken);
        await alpha.SubscribeAsync("all", $"subscription {{ jobUpdates {{ {JobFields} }} }}");
        await beta.SubscribeAsync("all", $"subscription {{ jobUpdates {{ {JobFields} }} }}");
        await server.Services.GetRequiredService<JobNotificationHub>().Listening;
        await Task.Delay(200);

        var enqueued = await server.PostAsync(
            $"mutation($i: EnqueueSnmpBulkwalkInput!) {{ enqueueSnmpBulkwalk(input: $i) {{ {JobFields} }} }}",
            new { i = new { deviceId, oids = new[] { "1.3.6.1.2.1.2.2", "1.3.6.1.2.1.31.1.1" }, maxRepetitions = 50 } },
            server.Alpha.OperatorToken);
        var jobId = enqueued.Data("enqueueSnmpBulkwalk")["id"]!.GetValue<string>();

        var seen = new List<(string Status, long Done)>();
        while (seen.Count == 0 || seen[^1].Status is "QUEUED" or "RUNNING")
        {
            var message = await alpha.ReceiveAsync();
            var job = message!["payload"]?["data"]?["jobUpdates"];
            if (job?["id"]?.GetValue<string>() == jobId)
            {
                seen.Add((job["status"]!.GetValue<string>(), job["progress"]!["itemsDone"]!.GetValue<long>()));
            }
        }

        seen[0].Status.ShouldBe("QUEUED");
        seen[^1].ShouldBe(("COMPLETED", 110_000));
        var order = new[] { "QUEUED", "RUNNING", "COMPLETED" };
        seen.Select(s => Array.IndexOf(order, s.Status)).ShouldBeInOrder();
        seen.ShouldContain(s => s.Status == "RUNNING" && s.Done > 0 && s.Done < 110_000, "a progress tick while it ran");
        seen.Select(s => s.Done).ShouldBeInOrder();

        // beta's subscription saw none of it. Other test classes run beta's own jobs meanwhile, so its socket is read
        // up to the answer to our ping and every update on it must be one of beta's jobs.
        await beta.SendAsync(new JsonObject { ["type"] = "ping" });
        JsonNode? received;
        while ((received = await beta.ReceiveAsync())!["type"]!.GetValue<string>() != "pong")
        {
            received["type"]!.GetValue<string>().ShouldBe("next", received.ToJsonString());
            received["payload"]!["data"]!["jobUpdates"]!["id"]!.GetValue<string>().ShouldNotBe(jobId);
        }

        var results = await server.PostAsync(
            "query($id: ID!) { job(id: $id) { kind results(first: 2, oidPrefix: \"1.3.6.1.2.1.31.1.1\") { totalCount edges { node { oid type value } } } events { status } } }",
            new { id = jobId }, server.Alpha.ViewerToken);
        var read = results.Data("job");
        read["kind"]!.GetValue<string>().ShouldBe("SNMP_BULKWALK");
        read["results"]!["totalCount"]!.GetValue<int>().ShouldBe(10_000);
        read["results"]!["edges"]![0]!["node"]!["oid"]!.GetValue<string>().ShouldBe("1.3.6.1.2.1.31.1.1.1.6.1");
        read["results"]!["edges"]![0]!["node"]!["type"]!.GetValue<string>().ShouldBe("Counter64");
        read["events"]!.AsArray().Select(e => e!["status"]!.GetValue<string>()).ShouldBe(["QUEUED", "RUNNING", "COMPLETED"]);
        (await server.PostAsync("query($id: ID!) { job(id: $id) { id } }", new { id = jobId }, server.Beta.AdminToken))
            .Body["data"]!["job"].ShouldBeNull();
    }

    [Fact]
    public async Task WalkResults_CarryTheirMibNames_AndValuesAsTheMibShowsThem()
    {
        await using var agent = SimulatedAgent.Start(SnmpRecording.InterfaceTable(3));
        var deviceId = await DeviceAsync(server.Alpha, "named", agent.EndPoints[0]);
        var jobId = (await server.PostAsync(
            "mutation($i: EnqueueSnmpBulkwalkInput!) { enqueueSnmpBulkwalk(input: $i) { id } }",
            new { i = new { deviceId, oids = new[] { "1.3.6.1.2.1.2.2", "1.3.6.1.2.1.4.20" } } },
            server.Alpha.OperatorToken)).Data("enqueueSnmpBulkwalk")["id"]!.GetValue<string>();
        JsonNode job;
        do
        {
            await Task.Delay(100);
            job = (await server.PostAsync(
                "query($id: ID!) { job(id: $id) { status results(first: 100) { edges { node { oid value name displayValue } } } } }",
                new { id = jobId }, server.Alpha.ViewerToken)).Data("job");
        }
        while (job["status"]!.GetValue<string>() is "QUEUED" or "RUNNING");

        job["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        var rows = job["results"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToDictionary(
            n => n["oid"]!.GetValue<string>(), n => (Name: n["name"]?.GetValue<string>(), Shown: n["displayValue"]?.GetValue<string>()));
        rows["1.3.6.1.2.1.2.2.1.2.1"].ShouldBe(("IF-MIB::ifDescr.1", null));
        rows["1.3.6.1.2.1.2.2.1.3.1"].ShouldBe(("IF-MIB::ifType.1", "ethernetCsmacd(6)"));
        rows["1.3.6.1.2.1.2.2.1.8.3"].ShouldBe(("IF-MIB::ifOperStatus.3", "down(2)"));
        rows["1.3.6.1.2.1.2.2.1.6.2"].ShouldBe(("IF-MIB::ifPhysAddress.2", "0:1b:21:0:0:2"));
        rows["1.3.6.1.2.1.4.20.1.1.10.0.0.1"].ShouldBe(("IP-MIB::ipAdEntAddr.10.0.0.1", null));

        // The same walk as tables: rows by INDEX, named columns, two pages.
        const string Table = "query($id: ID!, $t: String!, $after: String) { job(id: $id) { table(oid: $t, first: 2, after: $after) { " +
                             "name entry indexNames columns { name arc } totalRows hasNextPage endCursor " +
                             "rows { instance index { name value } cells { column value displayValue } } } } }";
        var first = (await server.PostAsync(Table, new { id = jobId, t = "ifTable", after = (string?)null }, server.Alpha.ViewerToken)).Data("job")["table"]!;
        first["name"]!.GetValue<string>().ShouldBe("IF-MIB::ifTable");
        first["entry"]!.GetValue<string>().ShouldBe("IF-MIB::ifEntry");
        first["indexNames"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["ifIndex"]);
        first["columns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Take(3).ShouldBe(["ifIndex", "ifDescr", "ifType"]);
        first["totalRows"]!.GetValue<int>().ShouldBe(3);
        first["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        var firstRows = first["rows"]!.AsArray();
        firstRows.Select(r => r!["instance"]!.GetValue<string>()).ShouldBe(["1", "2"]);
        firstRows[0]!["index"]!.AsArray().Single()!["value"]!.GetValue<string>().ShouldBe("1");
        var cells = firstRows[0]!["cells"]!.AsArray().Where(c => c is not null).ToDictionary(c => c!["column"]!.GetValue<string>(), c => c!);
        cells["ifDescr"]["value"]!.GetValue<string>().ShouldBe("GigabitEthernet0/1");
        cells["ifType"]["displayValue"]!.GetValue<string>().ShouldBe("ethernetCsmacd(6)");
        cells.ShouldNotContainKey("ifMtu", "the agent has no ifMtu: its cell is null");
        var second = (await server.PostAsync(Table, new { id = jobId, t = "1.3.6.1.2.1.2.2", after = first["endCursor"]!.GetValue<string>() }, server.Alpha.ViewerToken))
            .Data("job")["table"]!;
        second["rows"]!.AsArray().Select(r => r!["instance"]!.GetValue<string>()).ShouldBe(["3"]);
        second["hasNextPage"]!.GetValue<bool>().ShouldBeFalse();

        var addresses = (await server.PostAsync(Table, new { id = jobId, t = "IP-MIB::ipAddrEntry", after = (string?)null }, server.Alpha.ViewerToken))
            .Data("job")["table"]!;
        addresses["rows"]!.AsArray()[0]!["index"]!.AsArray().Single()!.ToJsonString().ShouldBe("""{"name":"ipAdEntAddr","value":"10.0.0.1"}""");

        var notATable = await server.PostAsync(Table, new { id = jobId, t = "IF-MIB::ifDescr", after = (string?)null }, server.Alpha.ViewerToken);
        notATable.Code.ShouldBe("BAD_USER_INPUT");
        notATable.Errors![0]!["message"]!.GetValue<string>().ShouldContain("not a table");
        (await server.PostAsync(Table, new { id = jobId, t = "NO-SUCH-MIB::fooTable", after = (string?)null }, server.Alpha.ViewerToken)).Code.ShouldBe("BAD_USER_INPUT");
    }

    [Fact]
    public async Task WalkResults_AreNamedByTheCallersOwnMibs_AndOnlyTheirs()
    {
        await using var agent = SimulatedAgent.Start(SnmpRecording.FromEntries([
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.99999.1.1.0"), SnmpValue.OctetString("hello")),
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.99999.1.2.0"), SnmpValue.Integer(2)),
        ]));
        var uploaded = await server.PostMultipartAsync(ServerFixture.UploadMib, "drm-test.tgz",
            TestArchives.Of(("DRM-TEST-TC.txt", TestMibs.Tc), ("DRM-TEST-MIB.txt", TestMibs.Mib)), server.Alpha.OperatorToken);
        (await server.WaitForJobAsync(uploaded.Data("uploadMib")["id"]!.GetValue<string>(), server.Alpha.OperatorToken))["status"]!
            .GetValue<string>().ShouldBe("COMPLETED");

        var alpha = await WalkAsync(server.Alpha);
        alpha["1.3.6.1.4.1.99999.1.1.0"].ShouldBe(("DRM-TEST-MIB::drmTestScalar.0", null));
        alpha["1.3.6.1.4.1.99999.1.2.0"].ShouldBe(("DRM-TEST-MIB::drmTestLevel.0", "high(2)"));
        var beta = await WalkAsync(server.Beta);
        beta["1.3.6.1.4.1.99999.1.1.0"].ShouldBe(("SNMPv2-SMI::enterprises.99999.1.1.0", null));
        beta["1.3.6.1.4.1.99999.1.2.0"].ShouldBe(("SNMPv2-SMI::enterprises.99999.1.2.0", null));

        async Task<Dictionary<string, (string? Name, string? Shown)>> WalkAsync(TestTenant tenant)
        {
            var deviceId = await DeviceAsync(tenant, "vendor", agent.EndPoints[0]);
            var id = (await server.PostAsync(
                "mutation($i: EnqueueSnmpBulkwalkInput!) { enqueueSnmpBulkwalk(input: $i) { id } }",
                new { i = new { deviceId, oids = new[] { "1.3.6.1.4.1.99999" } } },
                tenant.OperatorToken)).Data("enqueueSnmpBulkwalk")["id"]!.GetValue<string>();
            (await server.WaitForJobAsync(id, tenant.OperatorToken))["status"]!.GetValue<string>().ShouldBe("COMPLETED");
            var read = await server.PostAsync(
                "query($id: ID!) { job(id: $id) { results { edges { node { oid name displayValue } } } } }", new { id }, tenant.ViewerToken);
            return read.Data("job")["results"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToDictionary(
                n => n["oid"]!.GetValue<string>(), n => (n["name"]?.GetValue<string>(), n["displayValue"]?.GetValue<string>()));
        }
    }

    [Fact]
    public async Task JobProgressSubscription_EndsWithTheFinalState_AndCompletes()
    {
        await using var agent = SimulatedAgent.Start(SnmpRecording.InterfaceTable(10));
        var deviceId = await DeviceAsync(server.Alpha, "progress", agent.EndPoints[0]);
        var job = (await server.PostAsync(
            "mutation($i: EnqueueSnmpGetInput!) { enqueueSnmpGet(input: $i) { id } }",
            new { i = new { deviceId, oids = new[] { "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.3.0" } } },
            server.Alpha.OperatorToken)).Data("enqueueSnmpGet")["id"]!.GetValue<string>();
        using var socket = await GraphQLWebSocket.ConnectAsync(server, server.Alpha.ViewerToken);

        await socket.SubscribeAsync("p", $"subscription($id: ID!) {{ jobProgress(jobId: $id) {{ {JobFields} }} }}", new JsonObject { ["id"] = job });

        JsonNode? message;
        string? last = null;
        while ((message = await socket.ReceiveAsync())!["type"]!.GetValue<string>() == "next")
        {
            last = message["payload"]!["data"]!["jobProgress"]!["status"]!.GetValue<string>();
        }

        message["type"]!.GetValue<string>().ShouldBe("complete");
        last.ShouldBe("COMPLETED");
    }

    [Fact]
    public async Task JobProgressOverSse_StreamsTheStatesAndCompletes()
    {
        await using var agent = SimulatedAgent.Start(SnmpRecording.InterfaceTable(10));
        var deviceId = await DeviceAsync(server.Alpha, "sse", agent.EndPoints[0]);
        var job = (await server.PostAsync(
            "mutation($i: EnqueueSnmpGetInput!) { enqueueSnmpGet(input: $i) { id } }",
            new { i = new { deviceId, oids = new[] { "1.3.6.1.2.1.1.1.0" } } },
            server.Alpha.OperatorToken)).Data("enqueueSnmpGet")["id"]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, server.GraphQLUrl)
        {
            Content = JsonContent.Create(new { query = "subscription($id: ID!) { jobProgress(jobId: $id) { status } }", variables = new { id = job } }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.Alpha.ViewerToken);

        using var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var events = new List<string>();
        while (await reader.ReadLineAsync(deadline.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                events.Add(line["event: ".Length..]);
            }
            else if (line.StartsWith("data: {", StringComparison.Ordinal))
            {
                events[^1] += " " + JsonNode.Parse(line["data: ".Length..])!["data"]!["jobProgress"]!["status"]!.GetValue<string>();
            }
        }

        events[^1].ShouldBe("complete");
        events[^2].ShouldBe("next COMPLETED");
        events.SkipLast(1).ShouldAllBe(e => e.StartsWith("next ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BadRequests_GetStableCodes()
    {
        await using var agent = SimulatedAgent.Start(SnmpRecording.InterfaceTable(10));
        var deviceId = await DeviceAsync(server.Alpha, "errors", agent.EndPoints[0]);
        const string get = "mutation($i: EnqueueSnmpGetInput!) { enqueueSnmpGet(input: $i) { id } }";

        (await server.PostAsync(get, new { i = new { deviceId, oids = new[] { "1.3.6.1" } } }, server.Alpha.ViewerToken)).Code.ShouldBe("FORBIDDEN");
        (await server.PostAsync(get, new { i = new { deviceId, oids = new[] { "sysDescr.0" } } }, server.Alpha.OperatorToken)).Code.ShouldBe("BAD_USER_INPUT");
        (await server.PostAsync(get, new { i = new { deviceId, oids = new[] { "1.3.6.1" } } }, server.Beta.AdminToken)).Code.ShouldBe("NOT_FOUND");
        (await server.PostAsync(
            "mutation($i: EnqueueSnmpSetInput!) { enqueueSnmpSet(input: $i) { id } }",
            new { i = new { deviceId, varbinds = new[] { new { oid = "1.3.6.1.2.1.1.5.0", type = "u", value = "-1" } } } },
            server.Alpha.OperatorToken)).Code.ShouldBe("BAD_USER_INPUT");
        var job = (await server.PostAsync(get, new { i = new { deviceId, oids = new[] { "1.3.6.1.2.1.1.1.0" } } }, server.Alpha.OperatorToken))
            .Data("enqueueSnmpGet")["id"]!.GetValue<string>();
        (await server.PostAsync("mutation($id: ID!) { cancelJob(id: $id) { id } }", new { id = job }, server.Beta.AdminToken)).Code.ShouldBe("NOT_FOUND");
        (await server.PostAsync("mutation($id: ID!) { cancelJob(id: $id) { id } }", new { id = deviceId }, server.Alpha.AdminToken)).Code.ShouldBe("BAD_USER_INPUT");
    }

    private async Task<string> DeviceAsync(TestTenant tenant, string name, System.Net.IPEndPoint agent)
    {
        var device = (await server.PostAsync(
            "mutation($i: CreateDeviceInput!) { createDevice(input: $i) { id } }",
            new { i = new { name = $"{name}-{Guid.NewGuid():N}", address = agent.Address.ToString() } },
            tenant.AdminToken)).Data("createDevice")["id"]!.GetValue<string>();
        (await server.PostAsync(
            "mutation($i: SetSnmpCredentialInput!) { setSnmpCredential(input: $i) { version } }",
            new { i = new { deviceId = device, version = "V2C", community = "public", port = agent.Port, timeout = 2.0, retries = 1 } },
            tenant.AdminToken)).Errors.ShouldBeNull();
        return device;
    }
}
