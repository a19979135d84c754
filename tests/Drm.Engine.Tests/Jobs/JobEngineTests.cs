using System.Diagnostics;
using System.Net;
using Drm.Engine.Credentials;
using Drm.Engine.Devices;
using Drm.Engine.Jobs;
using Drm.Engine.Paging;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Drm.Protocols.Snmp;
using Drm.TestUtils;
using Npgsql;

namespace Drm.Engine.Tests.Jobs;

/// <summary>The engine end to end: PostgreSQL, the actor system and real or simulated SNMP agents.</summary>
[Collection(TimingCollection.Name)]
public sealed class JobEngineTests(EngineDatabaseFixture fixture)
{
    private static readonly string[] Subtrees = ["1.3.6.1.2.1.2.2", "1.3.6.1.2.1.31.1.1"];

    [Fact]
    public async Task BulkwalkJob_OfTwoSubtrees_StoresExactlyTheAgentsRows_AndRecordsItsLifecycle()
    {
        var recording = SnmpRecording.InterfaceTable(2_000);
        await using var agent = SimulatedAgent.Start(recording);
        await using var engine = await fixture.StartEngineAsync();
        var (admin, device) = await DeviceAsync(engine, agent.EndPoints[0]);
        var jobs = engine.Get<JobService>();

        var queued = await jobs.EnqueueSnmpBulkwalkAsync(admin, device.Id, Subtrees, 25, default);
        queued.Status.ShouldBe(JobStatus.Queued);
        var job = await WaitForEndAsync(jobs, admin, queued.Id);

        job.Status.ShouldBe(JobStatus.Completed, job.ErrorMessage);
        var expected = recording.Oids.Select((oid, i) => new VarBind(oid, recording.Values[i]))
            .Where(v => Subtrees.Any(s => v.Oid.StartsWith(ObjectIdentifier.Parse(s))))
            .Select(v => (v.Oid.ToString(), v.Value.TypeName, v.Value.ToString()))
            .ToHashSet();
        var stored = await AllResultsAsync(jobs, admin, job.Id, null);
        stored.Count.ShouldBe(expected.Count);
        stored.Select(r => (r.Oid, r.Type, r.Value)).ToHashSet().SetEquals(expected).ShouldBeTrue();
        stored.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, stored.Count).Select(i => (long)i));
        job.ItemsDone.ShouldBe(expected.Count);
        job.StartedAt.ShouldNotBeNull();
        job.FinishedAt.ShouldNotBeNull();
        (await jobs.EventsAsync(admin, job.Id, default)).Select(e => e.Status)
            .ShouldBe([JobStatus.Queued, JobStatus.Running, JobStatus.Completed]);

        // One subtree alone, in OID order.
        var ifX = await AllResultsAsync(jobs, admin, job.Id, "1.3.6.1.2.1.31.1.1");
        ifX.Count.ShouldBe(2_000);
        ifX.Select(r => ObjectIdentifier.Parse(r.Oid)).ShouldBeInOrder();
    }

    [Fact]
    public async Task BulkwalkJob_AgainstSnmpsim_StoresExactlyTheRecording()
    {
        var recording = SnmpRecording.InterfaceTable(300);
        await using var snmpsim = await SnmpsimServer.StartAsync(new Dictionary<string, SnmpRecording> { ["public"] = recording });
        await using var engine = await fixture.StartEngineAsync();
        var (admin, device) = await DeviceAsync(engine, snmpsim.EndPoint);
        var jobs = engine.Get<JobService>();

        var job = await WaitForEndAsync(jobs, admin, (await jobs.EnqueueSnmpBulkwalkAsync(admin, device.Id, ["1.3.6.1"], 25, default)).Id);

        job.Status.ShouldBe(JobStatus.Completed, job.ErrorMessage);
        var stored = await AllResultsAsync(jobs, admin, job.Id, null);
        stored.Select(r => (r.Oid, r.Type, r.Value))
            .ShouldBe(recording.Oids.Select((oid, i) => (oid.ToString(), recording.Values[i].TypeName, recording.Values[i].ToString())));
    }

    [Fact]
    public async Task GetAndSetJobs_AgainstSnmpd_WriteAndReadBackThePlaypen()
    {
        await using var snmpd = await SnmpdServer.StartAsync();
        await using var engine = await fixture.StartEngineAsync();
        var admin = await engine.CreateTenantAsync("alpha");
        var device = await engine.Get<DeviceService>().CreateAsync(admin, new CreateDeviceInput("snmpd", "127.0.0.1"), default);
        await engine.Get<CredentialService>().SetSnmpAsync(
            admin, new SetSnmpCredentialInput(device.Id, "2c", Community: SnmpdServer.WriteCommunity, Port: snmpd.Port, TimeoutSeconds: 1, Retries: 1), default);
        var jobs = engine.Get<JobService>();
        var gauge = $"{SnmpdServer.PlaypenPrefix}.2.0";
        var text = $"{SnmpdServer.PlaypenPrefix}.3.0";

        var set = await WaitForEndAsync(jobs, admin, (await jobs.EnqueueSnmpSetAsync(
            admin, device.Id, [new SnmpSetItem(gauge, "u", "4000000000"), new SnmpSetItem(text, "STRING", "set by a job")], default)).Id);
        var get = await WaitForEndAsync(jobs, admin, (await jobs.EnqueueSnmpGetAsync(admin, device.Id, [gauge, text, "1.3.6.1.2.1.1.5.0"], default)).Id);

        set.Status.ShouldBe(JobStatus.Completed, set.ErrorMessage);
        get.Status.ShouldBe(JobStatus.Completed, get.ErrorMessage);
        var values = await AllResultsAsync(jobs, admin, get.Id, null);
        values.Take(2).Select(r => (r.Oid, r.Type, r.Value)).ShouldBe([(gauge, "Gauge32", "4000000000"), (text, "STRING", "set by a job")]);
        get.ItemsDone.ShouldBe(3);
    }

    [Fact]
    public async Task JobAgainstASilentAgent_FailsWithSnmpTimeoutError()
    {
        await using var engine = await fixture.StartEngineAsync();
        using var silent = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var (admin, device) = await DeviceAsync(engine, (IPEndPoint)silent.Client.LocalEndPoint!, timeoutSeconds: 0.2, retries: 1);
        var jobs = engine.Get<JobService>();

        var job = await WaitForEndAsync(jobs, admin, (await jobs.EnqueueSnmpGetAsync(admin, device.Id, ["1.3.6.1.2.1.1.1.0"], default)).Id);

        job.Status.ShouldBe(JobStatus.Failed);
        job.ErrorType.ShouldBe(JobErrorTypes.SnmpTimeout);
        job.ErrorMessage.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task CancelMidWalk_StopsWithinASecond_AndKeepsThePartialResults()
    {
        // snmpsim serves a few thousand varbinds a second: a 24,000-varbind walk is still running when we cancel.
        await using var snmpsim = await SnmpsimServer.StartAsync(new Dictionary<string, SnmpRecording> { ["public"] = SnmpRecording.InterfaceTable(2_000) });
        await using var engine = await fixture.StartEngineAsync();
        var (admin, device) = await DeviceAsync(engine, snmpsim.EndPoint);
        var jobs = engine.Get<JobService>();
        var job = await jobs.EnqueueSnmpBulkwalkAsync(admin, device.Id, ["1.3.6.1"], null, default);
        await WaitUntilAsync(async () => (await jobs.GetAsync(admin, job.Id, default))!.ItemsDone > 0);

        var clock = Stopwatch.StartNew();
        (await jobs.CancelAsync(admin, job.Id, default)).Status.ShouldBe(JobStatus.Running);
        var ended = await WaitForEndAsync(jobs, admin, job.Id);
        clock.Stop();

        ended.Status.ShouldBe(JobStatus.Cancelled, ended.ErrorMessage);
        ended.ErrorType.ShouldBe(JobErrorTypes.Cancelled);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
        var kept = await AllResultsAsync(jobs, admin, job.Id, null);
        kept.Count.ShouldBeGreaterThan(0);
        kept.Count.ShouldBeLessThan(24_002);
        kept.Count.ShouldBe((int)ended.ItemsDone);
    }

    [Fact]
    public async Task CancellingAQueuedJob_NeverStartsIt()
    {
        await using var agent = SimulatedAgent.Start(SnmpRecording.InterfaceTable(10));
        // No job may run: the node's only slot is taken by a walk of a silent agent.
        await using var engine = await fixture.StartEngineAsync(new JobEngineOptions { MaxConcurrentJobs = 1, ResumeInterval = TimeSpan.FromMilliseconds(200) });
        using var silent = new System.Net.Sockets.UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var (admin, blocker) = await DeviceAsync(engine, (IPEndPoint)silent.Client.LocalEndPoint!, timeoutSeconds: 2, retries: 0, name: "silent");
        var (_, device) = await DeviceAsync(engine, agent.EndPoints[0], tenant: admin, name: "quick");
        var jobs = engine.Get<JobService>();
        var first = await jobs.EnqueueSnmpGetAsync(admin, blocker.Id, ["1.3.6.1.2.1.1.1.0"], default);
        var second = await jobs.EnqueueSnmpGetAsync(admin, device.Id, ["1.3.6.1.2.1.1.1.0"], default);

        var cancelled = await jobs.CancelAsync(admin, second.Id, default);
        await WaitForEndAsync(jobs, admin, first.Id);
        await Task.Delay(500);

        cancelled.Status.ShouldBe(JobStatus.Cancelled);
        var after = (await jobs.GetAsync(admin, second.Id, default))!;
        after.Status.ShouldBe(JobStatus.Cancelled);
        after.StartedAt.ShouldBeNull();
        after.Attempts.ShouldBe(0);
        (await AllResultsAsync(jobs, admin, second.Id, null)).ShouldBeEmpty();
    }

    [Fact]
    public async Task JobOfADeadNode_IsResumedAfterItsLeaseExpires_AndFailsOnceOutOfAttempts()
    {
        await using var agent = SimulatedAgent.Start(SnmpRecording.InterfaceTable(100));
        await using var engine = await fixture.StartEngineAsync(new JobEngineOptions
        {
            ResumeInterval = TimeSpan.FromMilliseconds(300), Lease = TimeSpan.FromSeconds(3), MaxAttempts = 3,
        });
        var (admin, device) = await DeviceAsync(engine, agent.EndPoints[0]);
        var jobs = engine.Get<JobService>();
        var resumable = await EnqueueAsDeadNodeAsync(engine, jobs, admin, device.Id, attempts: 1);
        var exhausted = await EnqueueAsDeadNodeAsync(engine, jobs, admin, device.Id, attempts: 3);

        var resumed = await WaitForEndAsync(jobs, admin, resumable);
        var failed = await WaitForEndAsync(jobs, admin, exhausted);

        resumed.Status.ShouldBe(JobStatus.Completed, resumed.ErrorMessage);
        resumed.Attempts.ShouldBe(2);
        (await jobs.EventsAsync(admin, resumable, default)).ShouldContain(e => e.Message.Contains("attempt 2 of 3", StringComparison.Ordinal));
        failed.Status.ShouldBe(JobStatus.Failed);
        failed.ErrorType.ShouldBe(JobErrorTypes.Internal);
        failed.ErrorMessage.ShouldBe("The job was interrupted 3 times (its node stopped) and is not retried again.");
    }

    [Fact]
    public async Task AnotherTenant_CannotSeeOrCancelAJob()
    {
        await using var agent = SimulatedAgent.Start(SnmpRecording.InterfaceTable(10));
        await using var engine = await fixture.StartEngineAsync();
        var (alpha, device) = await DeviceAsync(engine, agent.EndPoints[0]);
        var beta = await engine.CreateTenantAsync("beta");
        var jobs = engine.Get<JobService>();
        var job = await WaitForEndAsync(jobs, alpha, (await jobs.EnqueueSnmpGetAsync(alpha, device.Id, ["1.3.6.1.2.1.1.1.0"], default)).Id);

        (await jobs.GetAsync(beta, job.Id, default)).ShouldBeNull();
        (await jobs.ListAsync(beta, null, null, null, new PageRequest(), default)).TotalCount.ShouldBe(0);
        (await jobs.ResultsAsync(beta, job.Id, null, new PageRequest(), default)).TotalCount.ShouldBe(0);
        (await Should.ThrowAsync<DrmException>(() => jobs.CancelAsync(beta, job.Id, default))).Code.ShouldBe(DrmErrorCode.NotFound);
        (await Should.ThrowAsync<DrmException>(() => jobs.EnqueueSnmpGetAsync(beta, device.Id, ["1.3.6.1.2.1.1.1.0"], default)))
            .Code.ShouldBe(DrmErrorCode.NotFound);
        (await jobs.ListAsync(alpha, JobStatus.Completed, JobKind.SnmpGet, device.Id, new PageRequest(), default)).Items.Single().Id.ShouldBe(job.Id);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithAStableCode_AndNothingIsStored()
    {
        await using var engine = await fixture.StartEngineAsync();
        var (admin, device) = await DeviceAsync(engine, new IPEndPoint(IPAddress.Loopback, 161));
        var bare = await engine.Get<DeviceService>().CreateAsync(admin, new CreateDeviceInput("bare", "192.0.2.7"), default);
        var jobs = engine.Get<JobService>();
        var viewer = admin with { Role = UserRole.Viewer };

        async Task<DrmErrorCode> CodeOf(Func<Task> act) => (await Should.ThrowAsync<DrmException>(act)).Code;
        (await CodeOf(() => jobs.EnqueueSnmpGetAsync(viewer, device.Id, ["1.3.6.1"], default))).ShouldBe(DrmErrorCode.Forbidden);
        (await CodeOf(() => jobs.EnqueueSnmpGetAsync(admin, device.Id, ["IF-MIB::ifDescr"], default))).ShouldBe(DrmErrorCode.BadUserInput);
        (await CodeOf(() => jobs.EnqueueSnmpGetAsync(admin, device.Id, [], default))).ShouldBe(DrmErrorCode.BadUserInput);
        (await CodeOf(() => jobs.EnqueueSnmpGetAsync(admin, bare.Id, ["1.3.6.1"], default))).ShouldBe(DrmErrorCode.BadUserInput);
        (await CodeOf(() => jobs.EnqueueSnmpGetAsync(admin, Guid.NewGuid(), ["1.3.6.1"], default))).ShouldBe(DrmErrorCode.NotFound);
        (await CodeOf(() => jobs.EnqueueSnmpSetAsync(admin, device.Id, [new SnmpSetItem("1.3.6.1.2.1.1.5.0", "i", "not a number")], default)))
            .ShouldBe(DrmErrorCode.BadUserInput);
        (await CodeOf(() => jobs.EnqueueSnmpSetAsync(admin, device.Id, [new SnmpSetItem("1.3.6.1.2.1.1.5.0", "q", "1")], default)))
            .ShouldBe(DrmErrorCode.BadUserInput);
        (await CodeOf(() => jobs.EnqueueSnmpBulkwalkAsync(admin, device.Id, ["1.3.6.1"], 0, default))).ShouldBe(DrmErrorCode.BadUserInput);
        (await CodeOf(() => jobs.ResultsAsync(admin, Guid.NewGuid(), "1.x", new PageRequest(), default))).ShouldBe(DrmErrorCode.BadUserInput);
        (await CodeOf(() => jobs.ListAsync(admin, null, null, null, new PageRequest(10, "garbage"), default))).ShouldBe(DrmErrorCode.BadUserInput);

        (await jobs.ListAsync(admin, null, null, null, new PageRequest(), default)).TotalCount.ShouldBe(0);
    }

    private static async Task<Guid> EnqueueAsDeadNodeAsync(EngineScope engine, JobService jobs, TenantContext admin, Guid deviceId, int attempts)
    {
        // Written as a node that claimed the job and died: RUNNING, a lease that has expired, attempts used.
        await using var owner = await engine.OpenSuperuserConnectionAsync();
        var id = Guid.CreateVersion7();
        await using var insert = new NpgsqlCommand(
            "INSERT INTO jobs (id, tenant_id, device_id, kind, status, parameters, attempts, lease_owner, lease_expires_at, created_by, started_at) " +
            "VALUES ($1, $2, $3, 'SNMP_GET', 'RUNNING', '{\"oids\": [\"1.3.6.1.2.1.1.1.0\"]}', $4, 'dead-node:1', now() - interval '1 minute', $5, now())",
            owner);
        insert.Parameters.Add(new() { Value = id });
        insert.Parameters.Add(new() { Value = admin.TenantId });
        insert.Parameters.Add(new() { Value = deviceId });
        insert.Parameters.Add(new() { Value = attempts });
        insert.Parameters.Add(new() { Value = admin.UserId });
        await insert.ExecuteNonQueryAsync();
        (await jobs.GetAsync(admin, id, default))!.Status.ShouldBe(JobStatus.Running);
        return id;
    }

    private static async Task<(TenantContext Admin, Device Device)> DeviceAsync(
        EngineScope engine, IPEndPoint agent, double timeoutSeconds = 2, int retries = 1, TenantContext? tenant = null, string name = "gw")
    {
        var admin = tenant ?? await engine.CreateTenantAsync("alpha");
        var device = await engine.Get<DeviceService>().CreateAsync(admin, new CreateDeviceInput(name, agent.Address.ToString()), default);
        await engine.Get<CredentialService>().SetSnmpAsync(admin, new SetSnmpCredentialInput(
            device.Id, "2c", Community: "public", Port: agent.Port, TimeoutSeconds: timeoutSeconds, Retries: retries), default);
        return (admin, device);
    }

    private static async Task<Job> WaitForEndAsync(JobService jobs, TenantContext caller, Guid id)
    {
        Job? job = null;
        await WaitUntilAsync(async () => (job = await jobs.GetAsync(caller, id, default))!.IsFinished, TimeSpan.FromSeconds(60));
        return job!;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            clock.Elapsed.ShouldBeLessThan(timeout ?? TimeSpan.FromSeconds(30));
            await Task.Delay(20);
        }
    }

    private static async Task<List<JobResult>> AllResultsAsync(JobService jobs, TenantContext caller, Guid id, string? prefix)
    {
        var all = new List<JobResult>();
        string? after = null;
        while (true)
        {
            var page = await jobs.ResultsAsync(caller, id, prefix, new PageRequest(PageRequest.MaxSize, after), default);
            all.AddRange(page.Items);
            if (!page.HasNextPage)
            {
                return all;
            }

            after = page.Cursors[^1];
        }
    }
}
