using System.Diagnostics;
using System.Text.Json.Nodes;
using Drm.Engine.Users;
using Drm.TestUtils;

namespace Drm.GraphQL.Tests.Jobs;

/// <summary>The service as a process: killed mid-walk and restarted, and stopped with subscriptions open.</summary>
public sealed class ServiceRestartTests(ServerFixture server)
{
    [Fact]
    public async Task KillNineMidWalk_ThenRestart_TheJobCompletesOnItsSecondAttempt_AndShutdownWithOpenSubscriptionsIsQuick()
    {
        var database = $"drm_restart_{Guid.NewGuid():N}";
        await server.Database.CreateDatabaseAsync(database);
        var environment = new Dictionary<string, string>
        {
            ["DATABASE_URL"] = $"postgresql://{PostgresServer.AppRole}:{PostgresServer.AppPassword}@127.0.0.1:{server.Database.Port}/{database}",
            ["MIGRATION_DATABASE_URL"] = $"postgresql://{PostgresServer.OwnerRole}:{PostgresServer.OwnerPassword}@127.0.0.1:{server.Database.Port}/{database}",
            ["JWT_SECRET"] = ServerFixture.JwtSecret,
            ["CREDENTIALS_KEY"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 3)).ToArray()),
            ["JOB_LEASE_SECONDS"] = "3",
            ["JOB_RESUME_SECONDS"] = "1",
        };
        // snmpsim answers a few thousand varbinds a second: the walk is still running when the node dies.
        await using var snmpsim = await SnmpsimServer.StartAsync(new Dictionary<string, SnmpRecording> { ["public"] = SnmpRecording.InterfaceTable(2_000) });
        string jobId;
        using (var first = await ServiceProcess.StartAsync(environment))
        {
            var admin = await TenantAdminAsync(first);
            var device = (await PostAsync(first, "mutation($i: CreateDeviceInput!) { createDevice(input: $i) { id } }",
                new { i = new { name = "slow", address = "127.0.0.1" } }, admin)).Data("createDevice")["id"]!.GetValue<string>();
            (await PostAsync(first, "mutation($i: SetSnmpCredentialInput!) { setSnmpCredential(input: $i) { version } }",
                new { i = new { deviceId = device, version = "V2C", community = "public", port = snmpsim.EndPoint.Port } }, admin)).Errors.ShouldBeNull();
            jobId = (await PostAsync(first, "mutation($i: EnqueueSnmpBulkwalkInput!) { enqueueSnmpBulkwalk(input: $i) { id } }",
                new { i = new { deviceId = device, oids = new[] { "1.3.6.1" } } }, admin)).Data("enqueueSnmpBulkwalk")["id"]!.GetValue<string>();
            var running = await WaitForAsync(first, admin, jobId, job => job["progress"]!["itemsDone"]!.GetValue<long>() > 0 || job["status"]!.GetValue<string>() != "RUNNING" && job["status"]!.GetValue<string>() != "QUEUED");
            running["status"]!.GetValue<string>().ShouldBe("RUNNING", running.ToJsonString() + "\n" + first.Output);

            first.KillHard();
        }

        using var second = await ServiceProcess.StartAsync(environment);
        var token = await LoginAsync(second);
        var done = await WaitForAsync(second, token, jobId, job => job["status"]!.GetValue<string>() is not ("QUEUED" or "RUNNING"));

        done["status"]!.GetValue<string>().ShouldBe("COMPLETED", done.ToJsonString());
        done["attempts"]!.GetValue<int>().ShouldBe(2);
        done["progress"]!["itemsDone"]!.GetValue<long>().ShouldBe(24_002);
        done["results"]!["totalCount"]!.GetValue<int>().ShouldBe(24_002);
        done["events"]!.AsArray().Select(e => e!["message"]!.GetValue<string>()).ShouldContain(m => m.StartsWith("Resumed on", StringComparison.Ordinal));

        // Stopping with subscriptions open: the service says goodbye within five seconds.
        using var socket = await ConnectAsync(second, token);
        await socket.SubscribeAsync("updates", "subscription { jobUpdates { id } }");
        await socket.SubscribeAsync("clock", "subscription { serverTime }");
        (await socket.ReceiveAsync())!["type"]!.GetValue<string>().ShouldBe("next");
        (await second.StopAsync(TimeSpan.FromSeconds(10))).ShouldBeLessThan(TimeSpan.FromSeconds(5));
        second.HasExited.ShouldBeTrue();
    }

    private async Task<string> TenantAdminAsync(ServiceProcess service)
    {
        var platform = server.Tokens.Mint(Guid.NewGuid(), Guid.NewGuid(), UserRole.Admin, platformAdmin: true);
        (await PostAsync(service, "mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }",
            new { i = new { slug = "restart", name = "Restart", adminEmail = "admin@restart.test", adminPassword = ServerFixture.Password } },
            platform)).Errors.ShouldBeNull();
        return await LoginAsync(service);
    }

    private async Task<string> LoginAsync(ServiceProcess service) =>
        (await PostAsync(service, "mutation($i: LoginInput!) { login(input: $i) { token } }",
            new { i = new { tenantSlug = "restart", email = "admin@restart.test", password = ServerFixture.Password } }, null))
        .Data("login")["token"]!.GetValue<string>();

    private async Task<JsonNode> WaitForAsync(ServiceProcess service, string token, string jobId, Func<JsonNode, bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var job = (await PostAsync(service,
                "query($id: ID!) { job(id: $id) { status attempts progress { itemsDone } results(first: 1) { totalCount } events { message } } }",
                new { id = jobId }, token)).Data("job");
            if (condition(job))
            {
                return job;
            }

            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(90), job.ToJsonString());
            await Task.Delay(100);
        }
    }

    private static async Task<GraphQLWebSocket> ConnectAsync(ServiceProcess service, string token) =>
        await GraphQLWebSocket.ConnectAsync(service.BaseUrl, token);

    private Task<GraphQLResponse> PostAsync(ServiceProcess service, string query, object variables, string? token) =>
        ServerFixture.PostAsync(server.Http, new Uri(service.BaseUrl, "/graphql"), query, variables, token);
}
