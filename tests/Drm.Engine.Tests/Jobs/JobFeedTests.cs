using Drm.Engine.Credentials;
using Drm.Engine.Devices;
using Drm.Engine.Jobs;
using Npgsql;

namespace Drm.Engine.Tests.Jobs;

public sealed class JobFeedTests(EngineDatabaseFixture fixture)
{
    [Fact]
    public async Task AJobThatFinishedBeforeItsFirstNotificationWasRead_StillShowsQueuedRunningAndCompleted_InOrder()
    {
        await using var engine = await fixture.StartEngineAsync();
        var admin = await engine.CreateTenantAsync("alpha");
        var device = await engine.Get<DeviceService>().CreateAsync(admin, new CreateDeviceInput("gw", "192.0.2.1"), default);
        var hub = engine.Get<JobNotificationHub>();
        await hub.Listening;
        var seen = new List<(JobStatus Status, long Done)>();
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = JobFeed.ForTenant(hub, engine.Get<JobService>(), admin, null).Subscribe(new Observer(job =>
        {
            lock (seen)
            {
                seen.Add((job.Status, job.ItemsDone));
            }

            if (job.IsFinished)
            {
                finished.TrySetResult();
            }
        }));

        // Created, started and finished in one transaction: all three notifications arrive at commit, and the first
        // read already finds the job COMPLETED.
        await using (var connection = await engine.OpenAppConnectionAsync())
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var context = new NpgsqlCommand("SELECT app.set_current_tenant($1)", connection, transaction))
            {
                context.Parameters.Add(new() { Value = admin.TenantId });
                await context.ExecuteNonQueryAsync();
            }

            var jobId = Guid.CreateVersion7();
            foreach (var sql in (string[])[
                "INSERT INTO jobs (id, tenant_id, device_id, kind, status, created_by) VALUES ($1, $2, $3, 'SNMP_GET', 'QUEUED', $4)",
                "UPDATE jobs SET status = 'RUNNING', started_at = now() WHERE id = $1",
                "UPDATE jobs SET status = 'COMPLETED', items_done = 2, finished_at = now() WHERE id = $1"])
            {
                await using var command = new NpgsqlCommand(sql, connection, transaction);
                command.Parameters.Add(new() { Value = jobId });
                command.Parameters.Add(new() { Value = admin.TenantId });
                command.Parameters.Add(new() { Value = device.Id });
                command.Parameters.Add(new() { Value = admin.UserId });
                await command.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        await finished.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(300);
        lock (seen)
        {
            seen.ShouldBe([(JobStatus.Queued, 0L), (JobStatus.Running, 2L), (JobStatus.Completed, 2L)]);
        }
    }

    [Fact]
    public async Task TheHub_HandsAChangeOnlyToSubscribersOfTheJobsTenant()
    {
        await using var engine = await fixture.StartEngineAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var beta = await engine.CreateTenantAsync("beta");
        var alphaDevice = await engine.Get<DeviceService>().CreateAsync(alpha, new CreateDeviceInput("gw", "192.0.2.1"), default);
        var betaDevice = await engine.Get<DeviceService>().CreateAsync(beta, new CreateDeviceInput("gw", "192.0.2.2"), default);
        var hub = engine.Get<JobNotificationHub>();
        await hub.Listening;
        var heardByAlpha = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        var betaHeard = new TaskCompletionSource<Guid>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var alphaSubscription = hub.Subscribe(alpha.TenantId, (jobId, _) => heardByAlpha.Add(jobId));
        using var betaSubscription = hub.Subscribe(beta.TenantId, (jobId, _) => betaHeard.TrySetResult(jobId));

        foreach (var (caller, device) in new[] { (alpha, alphaDevice), (beta, betaDevice) })
        {
            await engine.Get<CredentialService>().SetSnmpAsync(
                caller, new SetSnmpCredentialInput(device.Id, "2c", Community: "public", Port: 9, TimeoutSeconds: 0.2, Retries: 0), default);
        }

        var jobs = engine.Get<JobService>();
        var alphaJob = await jobs.EnqueueSnmpGetAsync(alpha, alphaDevice.Id, ["1.3.6.1.2.1.1.1.0"], default);
        var betaJob = await jobs.EnqueueSnmpGetAsync(beta, betaDevice.Id, ["1.3.6.1.2.1.1.1.0"], default);

        (await betaHeard.Task.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(betaJob.Id);
        heardByAlpha.ShouldContain(alphaJob.Id);
        heardByAlpha.ShouldNotContain(betaJob.Id);
    }

    private sealed class Observer(Action<Job> next) : IObserver<Job>
    {
        public void OnNext(Job value) => next(value);

        public void OnError(Exception error) => throw new InvalidOperationException("The feed failed.", error);

        public void OnCompleted()
        {
        }
    }
}
