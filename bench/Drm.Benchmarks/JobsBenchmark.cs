using System.Diagnostics;
using System.Globalization;
using System.Net;
using Drm.Engine;
using Drm.Engine.Credentials;
using Drm.Engine.Devices;
using Drm.Engine.Jobs;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Engine.Tenants;
using Drm.Engine.Users;
using Drm.Protocols.Snmp;
using Drm.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Drm.Benchmarks;

/// <summary>
/// The job engine end to end (issue #4): bulkwalk jobs from simulated agents through the actor system and streams into
/// PostgreSQL, against a raw binary COPY of the same rows in the same run; then many small GET jobs for throughput and
/// latency. The simulated agents run in a child process, PostgreSQL is a private cluster.
/// </summary>
public static class JobsBenchmark
{
    /// <summary><c>jobs [--agents 10] [--rows 8334] [--repeat 3] [--warm-up 3] [--batch-rows 20000] [--get-jobs 1000] [--get-agents 100] [--only raw|write|engine]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var agents = Option(args, "--agents", 10);
        var rows = Option(args, "--rows", 8_334);
        var getJobs = Option(args, "--get-jobs", 1_000);
        var getAgents = Option(args, "--get-agents", 100);
        var repeat = Option(args, "--repeat", 3);
        var batchRows = Option(args, "--batch-rows", new JobEngineOptions().ResultBatchRows);
        // For profiling the engine alone (perf): the anchors are skipped and no ratio is printed.
        var only = OptionText(args, "--only");
        var warmUp = Option(args, "--warm-up", 3);
        var directory = Directory.CreateTempSubdirectory("drm-jobs-bench-");
        await using var postgres = await PostgresServer.StartAsync();
        await postgres.CreateDatabaseAsync("drm");
        DatabaseMigrator.Migrate(postgres.OwnerConnectionString("drm"), PostgresServer.AppRole);
        try
        {
            var recording = SnmpRecording.InterfaceTable(rows);
            var recordingPath = Path.Combine(directory.FullName, "public.snmprec");
            recording.Save(recordingPath);
            var walkRoot = "1.3.6.1.2.1";
            var perAgent = recording.Oids.Count(o => o.StartsWith(ObjectIdentifier.Parse(walkRoot)));
            Console.WriteLine($"# Jobs benchmark: {agents} agents × {perAgent:N0} varbinds walked through the engine into PostgreSQL, {Environment.ProcessorCount} cores");

            using var server = WalkBenchmark.StartServer(recordingPath, Math.Max(agents, getAgents));
            var endPoints = (await server.StandardOutput.ReadLineAsync())!.Split(' ').Select(IPEndPoint.Parse).ToArray();

            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Services.AddDrmEngine(new EngineOptions
            {
                Database = new DatabaseOptions { ConnectionString = postgres.AppConnectionString("drm") + ";Maximum Pool Size=60" },
                CredentialsKey = Convert.ToBase64String(new byte[32]),
                Jobs = new JobEngineOptions { MaxConcurrentJobs = 64, ResultBatchRows = batchRows },
            });
            using var host = builder.Build();
            await host.StartAsync();
            var services = host.Services;
            var admin = await TenantAsync(services);
            var devices = new List<Guid>();
            for (var i = 0; i < Math.Max(agents, getAgents); i++)
            {
                devices.Add(await DeviceAsync(services, admin, $"agent-{i}", endPoints[i]));
            }

            var total = (long)perAgent * agents;
            var jobs = services.GetRequiredService<JobService>();
            var process = Process.GetCurrentProcess();
            process.Refresh();
            var rssBefore = process.WorkingSet64;
            var peak = rssBefore;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    process.Refresh();
                    peak = Math.Max(peak, process.WorkingSet64);
                    await Task.Delay(50);
                }
            });

            // The anchor and the engine take turns, and the medians are compared: this shared machine drifts by a
            // third from one run to the next.
            var rawRuns = new List<Run>();
            var writePathRuns = new List<Run>();
            var engineRuns = new List<Run>();
            var meter = new Meter(Environment.ProcessId, server.Id, postgres.ProcessId);
            Task VacuumResults() => SettleAsync(postgres, "job_results");
            // The first rounds warm up both sides and are not counted: on two busy cores the runtime keeps promoting the
            // engine's methods (Akka, Npgsql, ours) to optimised code for a few rounds, costing seconds of CPU per round
            // that a service running for hours no longer spends.
            for (var run = 0; run < warmUp + repeat; run++)
            {
                // Every path writes into empty tables: the anchor creates its own, and the engine's results go.
                await TruncateResultsAsync(postgres);
                if (only is null or "raw")
                {
                    // The anchor: the same rows, generated in memory, written with binary COPY by as many concurrent writers.
                    Console.Error.WriteLine($"# raw run {run} starts");
                    rawRuns.Add(await meter.MeasureAsync(await RawCopyAsync(postgres, recording, walkRoot, agents, run), () => SettleAsync(postgres, $"bench_copy_{run}")));
                }

                if (only is null or "write")
                {
                    // What the engine's write path costs without SNMP or actors: the same rows in its groups through the
                    // store the engine uses (a COPY into job_results_rows per group, in a transaction under the tenant).
                    Console.Error.WriteLine($"# write run {run} starts");
                    writePathRuns.Add(await meter.MeasureAsync(
                        WritePath(services.GetRequiredService<JobStore>(), admin, recording, walkRoot, agents, batchRows), VacuumResults));
                }

                Console.Error.WriteLine($"# engine run {run} starts");
                engineRuns.Add(only is null or "engine" ? await meter.MeasureAsync(async () =>
                {
                    var walks = new List<Guid>();
                    for (var i = 0; i < agents; i++)
                    {
                        walks.Add((await jobs.EnqueueSnmpBulkwalkAsync(admin, devices[i], [walkRoot], 50, default)).Id);
                    }

                    var finished = await WaitAllAsync(jobs, admin, walks);
                    var stored = finished.Sum(j => j.ItemsDone);
                    if (finished.Any(j => j.Status != JobStatus.Completed) || stored != total)
                    {
                        throw new InvalidOperationException($"Walk jobs did not complete: {string.Join(", ", finished.Select(j => $"{j.Status} {j.ItemsDone} {j.ErrorMessage}"))}");
                    }
                }, VacuumResults) : Run.Skipped);
                if (run < warmUp)
                {
                    rawRuns.Clear();
                    writePathRuns.Clear();
                    engineRuns.Clear();
                }
            }

            await sampling.CancelAsync();
            await sampler;
            var raw = Run.Median(rawRuns);
            var writePath = Run.Median(writePathRuns);
            var engine = Run.Median(engineRuns);
            Console.WriteLine();
            Console.WriteLine($"| path (median of {repeat}) | rows | wall s | rows/s | vs raw COPY | CPU s: this process | agents | PostgreSQL |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(raw.Row($"raw binary COPY, {agents} writers (anchor)", total, raw));
            Console.WriteLine(writePath.Row($"JobStore.WriteResultsAsync in {batchRows:N0}-row groups, {agents} writers, no SNMP (the engine's write path alone)", total, raw));
            Console.WriteLine(engine.Row($"engine: {agents} bulkwalk jobs, agents → actors → streams → PostgreSQL", total, raw));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"(runs: raw {string.Join(", ", rawRuns.Select(r => r.Wall.ToString("0.00", CultureInfo.InvariantCulture)))} s; engine {string.Join(", ", engineRuns.Select(r => r.Wall.ToString("0.00", CultureInfo.InvariantCulture)))} s)"));
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Peak RSS of the engine process while walking: {peak / 1048576.0:0} MiB ({(peak - rssBefore) / 1048576.0:0} MiB above its {rssBefore / 1048576.0:0} MiB before the jobs) for {total:N0} varbinds per run."));

            if (getJobs > 0)
            {
                // Many small jobs: throughput and enqueue-to-finish latency.
                var getClock = Stopwatch.StartNew();
                var gets = new List<Guid>(getJobs);
                for (var i = 0; i < getJobs; i++)
                {
                    gets.Add((await jobs.EnqueueSnmpGetAsync(admin, devices[i % getAgents], ["1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.3.0"], default)).Id);
                }

                var got = await WaitAllAsync(jobs, admin, gets);
                getClock.Stop();
                if (got.Any(j => j.Status != JobStatus.Completed))
                {
                    throw new InvalidOperationException("GET jobs failed: " + got.First(j => j.Status != JobStatus.Completed).ErrorMessage);
                }

                var latencies = got.Select(j => (j.FinishedAt!.Value - j.CreatedAt).TotalMilliseconds).Order().ToArray();
                Console.WriteLine();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{getJobs:N0} SNMP GET jobs against {getAgents} agents, enqueued one after another: {getJobs / getClock.Elapsed.TotalSeconds:N0} jobs/s; " +
                    $"enqueue-to-finish p50 {Percentile(latencies, 0.50):0} ms, p99 {Percentile(latencies, 0.99):0} ms."));
            }

            await host.StopAsync();
            await server.StandardInput.DisposeAsync();
            await server.WaitForExitAsync();
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Creates the anchor's table and rows outside the measured time; the returned step is what is measured.</summary>
    private static async Task<Func<Task>> RawCopyAsync(PostgresServer postgres, SnmpRecording recording, string root, int writers, int run)
    {
        var table = $"bench_copy_{run}";
        await using (var owner = new NpgsqlConnection(postgres.OwnerConnectionString("drm")))
        {
            await owner.OpenAsync();
            await using var create = new NpgsqlCommand(
                $"DROP TABLE IF EXISTS bench_copy_{Math.Max(0, run - 1)}; CREATE TABLE {table} (job_id uuid, seq bigint, tenant_id uuid, oid text, type text, value text, PRIMARY KEY (job_id, seq)); " +
                $"GRANT INSERT ON {table} TO {PostgresServer.AppRole}", owner);
            await create.ExecuteNonQueryAsync();
        }

        var rows = Rows(recording, root);
        return () => Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            var job = Guid.NewGuid();
            var tenant = Guid.NewGuid();
            await using var connection = new NpgsqlConnection(postgres.AppConnectionString("drm"));
            await connection.OpenAsync();
            await using var import = await connection.BeginBinaryImportAsync(
                $"COPY {table} (job_id, seq, tenant_id, oid, type, value) FROM STDIN (FORMAT BINARY)");
            long seq = 1;
            foreach (var (oid, value) in rows)
            {
                await import.StartRowAsync();
                await import.WriteAsync(job, NpgsqlDbType.Uuid);
                await import.WriteAsync(seq++, NpgsqlDbType.Bigint);
                await import.WriteAsync(tenant, NpgsqlDbType.Uuid);
                await import.WriteAsync(oid.ToString(), NpgsqlDbType.Text);
                await import.WriteAsync(value.TypeName, NpgsqlDbType.Text);
                await import.WriteAsync(value.ToString(), NpgsqlDbType.Text);
            }

            await import.CompleteAsync();
        }));
    }

    private static Func<Task> WritePath(JobStore store, TenantContext tenant, SnmpRecording recording, string root, int writers, int groupRows)
    {
        var groups = Rows(recording, root).Chunk(groupRows).ToArray();
        return () => Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            var ticket = new JobTicket(Guid.NewGuid(), tenant.TenantId, tenant.UserId, null);
            long seq = 1;
            foreach (var group in groups)
            {
                await store.WriteResultsAsync(ticket, seq, group, default);
                seq += group.Length;
            }
        }));
    }

    private static VarBind[] Rows(SnmpRecording recording, string root)
    {
        var prefix = ObjectIdentifier.Parse(root);
        return recording.Oids.Select((oid, i) => new VarBind(oid, recording.Values[i])).Where(r => r.Oid.StartsWith(prefix)).ToArray();
    }

    // Each path leaves a million fresh rows and some 150 MB of WAL: vacuumed and checkpointed here, outside the measured
    // time, autovacuum and the checkpointer do not bill their work to whichever path runs next.
    private static async Task SettleAsync(PostgresServer postgres, string table)
    {
        await OwnerSqlAsync(postgres, $"VACUUM ANALYZE {table}");
        await using var superuser = new NpgsqlConnection(postgres.ConnectionString("drm"));
        await superuser.OpenAsync();
        await using var checkpoint = new NpgsqlCommand("CHECKPOINT", superuser);
        await checkpoint.ExecuteNonQueryAsync();
    }

    private static async Task TruncateResultsAsync(PostgresServer postgres) => await OwnerSqlAsync(postgres, "TRUNCATE job_results");

    private static async Task OwnerSqlAsync(PostgresServer postgres, string sql)
    {
        await using var owner = new NpgsqlConnection(postgres.OwnerConnectionString("drm"));
        await owner.OpenAsync();
        await using var command = new NpgsqlCommand(sql, owner);
        await command.ExecuteNonQueryAsync();
    }

    // Watches one unfinished job at a time, so the waiting adds at most one small query per 20 ms to the database's load.
    private static async Task<List<Job>> WaitAllAsync(JobService jobs, TenantContext admin, List<Guid> ids)
    {
        var pending = new Queue<Guid>(ids);
        while (pending.TryPeek(out var id))
        {
            if ((await jobs.GetAsync(admin, id, default))!.IsFinished)
            {
                pending.Dequeue();
            }
            else
            {
                await Task.Delay(20);
            }
        }

        var all = new List<Job>(ids.Count);
        foreach (var done in ids)
        {
            all.Add((await jobs.GetAsync(admin, done, default))!);
        }

        return all;
    }

    internal static async Task<TenantContext> TenantAsync(IServiceProvider services, string slug = "bench")
    {
        var platform = new TenantContext(Guid.Empty, Guid.Empty, UserRole.Admin, IsPlatformAdmin: true);
        var tenant = await services.GetRequiredService<TenantService>().CreateAsync(
            platform, new CreateTenantInput(slug, slug.ToUpperInvariant(), $"admin@{slug}.test", "bench-password-1"), default);
        var user = await services.GetRequiredService<UserService>().AuthenticateAsync(slug, $"admin@{slug}.test", "bench-password-1", default);
        return new TenantContext(tenant.Id, user!.Id, UserRole.Admin);
    }

    private static async Task<Guid> DeviceAsync(IServiceProvider services, TenantContext admin, string name, IPEndPoint agent)
    {
        var device = await services.GetRequiredService<DeviceService>().CreateAsync(admin, new CreateDeviceInput(name, agent.Address.ToString()), default);
        await services.GetRequiredService<CredentialService>().SetSnmpAsync(
            admin, new SetSnmpCredentialInput(device.Id, "2c", Community: "public", Port: agent.Port, TimeoutSeconds: 2, Retries: 2), default);
        return device.Id;
    }

    /// <summary>Wall time and the CPU seconds each side spent during one measured path.</summary>
    private sealed record Run(double Wall, double Engine, double Agents, double Database)
    {
        public static readonly Run Skipped = new(double.NaN, 0, 0, 0);

        // A path left out with --only (to profile another) prints as NaN.
        public static Run Median(List<Run> runs) => runs.Count == 0 ? Skipped : new(
            WalkBenchmark.Median(runs.Select(r => r.Wall)), WalkBenchmark.Median(runs.Select(r => r.Engine)),
            WalkBenchmark.Median(runs.Select(r => r.Agents)), WalkBenchmark.Median(runs.Select(r => r.Database)));

        public string Row(string label, long rows, Run anchor) => string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {rows:N0} | {Wall:0.000} | {rows / Wall:N0} | {Wall / anchor.Wall:0.00}× | {Engine:0.00} | {Agents:0.00} | {Database:0.00} |");
    }

    private sealed class Meter(int engine, int agents, int postmaster)
    {
        public async Task<Run> MeasureAsync(Func<Task> path, Func<Task> settle)
        {
            var (engineBefore, agentsBefore, databaseBefore) = (CpuMeter.Seconds(engine), CpuMeter.Seconds(agents), CpuMeter.Seconds(postmaster, withChildren: true));
            var (methodsBefore, jitBefore) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
            var clock = Stopwatch.StartNew();
            await path();
            clock.Stop();
            // Backends that exited are counted once the postmaster reaps them; the live ones are read directly.
            var run = new Run(clock.Elapsed.TotalSeconds, CpuMeter.Seconds(engine) - engineBefore, CpuMeter.Seconds(agents) - agentsBefore,
                CpuMeter.Seconds(postmaster, withChildren: true) - databaseBefore);
            Console.Error.WriteLine($"# {clock.Elapsed.TotalSeconds:0.00} s; JIT compiled {System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore} methods in {(System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalSeconds:0.00} s");
            await settle();
            return run;
        }
    }

    internal static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string? OptionText(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
