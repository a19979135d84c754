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
    /// <summary><c>jobs [--agents 10] [--rows 8334] [--repeat 3] [--batch-rows 5000] [--get-jobs 1000] [--get-agents 100]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var agents = Option(args, "--agents", 10);
        var rows = Option(args, "--rows", 8_334);
        var getJobs = Option(args, "--get-jobs", 1_000);
        var getAgents = Option(args, "--get-agents", 100);
        var repeat = Option(args, "--repeat", 3);
        var batchRows = Option(args, "--batch-rows", new JobEngineOptions().ResultBatchRows);
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
            var rawRuns = new List<double>();
            var unnestRuns = new List<double>();
            var engineRuns = new List<double>();
            // Run 0 warms up both sides (JIT, PostgreSQL's caches) and is not counted.
            for (var run = 0; run <= repeat; run++)
            {
                // The anchor: the same rows, generated in memory, written with binary COPY by as many concurrent writers.
                rawRuns.Add(await RawCopyAsync(postgres, recording, walkRoot, agents, run));
                // What the engine's write path costs without SNMP or actors: the same rows as INSERT … unnest in its batches.
                unnestRuns.Add(await RawCopyAsync(postgres, recording, walkRoot, agents, run, unnestBatch: batchRows));
                var clock = Stopwatch.StartNew();
                var walks = new List<Guid>();
                for (var i = 0; i < agents; i++)
                {
                    walks.Add((await jobs.EnqueueSnmpBulkwalkAsync(admin, devices[i], [walkRoot], 50, default)).Id);
                }

                var finished = await WaitAllAsync(jobs, admin, walks);
                clock.Stop();
                var stored = finished.Sum(j => j.ItemsDone);
                if (finished.Any(j => j.Status != JobStatus.Completed) || stored != total)
                {
                    throw new InvalidOperationException($"Walk jobs did not complete: {string.Join(", ", finished.Select(j => $"{j.Status} {j.ItemsDone} {j.ErrorMessage}"))}");
                }

                engineRuns.Add(clock.Elapsed.TotalSeconds);
                if (run == 0)
                {
                    rawRuns.Clear();
                    unnestRuns.Clear();
                    engineRuns.Clear();
                }
            }

            await sampling.CancelAsync();
            await sampler;
            var rawSeconds = WalkBenchmark.Median(rawRuns);
            var engineSeconds = WalkBenchmark.Median(engineRuns);
            var unnestSeconds = WalkBenchmark.Median(unnestRuns);
            Console.WriteLine();
            Console.WriteLine($"| path (median of {repeat}) | rows | wall s | rows/s | vs raw COPY |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| raw binary COPY, {agents} writers (anchor) | {total:N0} | {rawSeconds:0.000} | {total / rawSeconds:N0} | 1.00× |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| INSERT … unnest in {batchRows:N0}-row batches, {agents} writers, no SNMP (the engine's write path alone) | {total:N0} | {unnestSeconds:0.000} | {total / unnestSeconds:N0} | {unnestSeconds / rawSeconds:0.00}× |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| engine: {agents} bulkwalk jobs, agents → actors → streams → PostgreSQL | {total:N0} | {engineSeconds:0.000} | {total / engineSeconds:N0} | {engineSeconds / rawSeconds:0.00}× |"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"(runs: raw {string.Join(", ", rawRuns.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))} s; engine {string.Join(", ", engineRuns.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))} s)"));
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Peak RSS of the engine process while walking: {peak / 1048576.0:0} MiB ({(peak - rssBefore) / 1048576.0:0} MiB above its {rssBefore / 1048576.0:0} MiB before the jobs) for {total:N0} varbinds per run."));

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

    private static async Task<double> RawCopyAsync(
        PostgresServer postgres, SnmpRecording recording, string root, int writers, int run, int? unnestBatch = null)
    {
        var tablePrefix = unnestBatch is null ? "bench_copy" : "bench_unnest";
        var table = $"{tablePrefix}_{run}";
        await using (var owner = new NpgsqlConnection(postgres.OwnerConnectionString("drm")))
        {
            await owner.OpenAsync();
            await using var create = new NpgsqlCommand(
                $"DROP TABLE IF EXISTS {tablePrefix}_{Math.Max(0, run - 1)}; CREATE TABLE {table} (job_id uuid, seq bigint, tenant_id uuid, oid text, type text, value text, PRIMARY KEY (job_id, seq)); " +
                $"GRANT INSERT ON {table} TO {PostgresServer.AppRole}", owner);
            await create.ExecuteNonQueryAsync();
        }

        var prefix = ObjectIdentifier.Parse(root);
        var rows = recording.Oids.Select((oid, i) => (Oid: oid, Value: recording.Values[i])).Where(r => r.Oid.StartsWith(prefix)).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            var job = Guid.NewGuid();
            var tenant = Guid.NewGuid();
            await using var connection = new NpgsqlConnection(postgres.AppConnectionString("drm"));
            await connection.OpenAsync();
            if (unnestBatch is { } size)
            {
                foreach (var chunk in rows.Chunk(size))
                {
                    var first = (long)Array.IndexOf(rows, chunk[0]) + 1;
                    await using var transaction = await connection.BeginTransactionAsync();
                    await using var insert = new NpgsqlCommand(
                        $"INSERT INTO {table} (job_id, seq, tenant_id, oid, type, value) " +
                        "SELECT $1, r.seq, $2, r.oid, r.type, r.value FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[]) AS r (seq, oid, type, value)",
                        connection, transaction);
                    insert.Parameters.Add(new() { Value = job });
                    insert.Parameters.Add(new() { Value = tenant });
                    insert.Parameters.Add(new() { Value = chunk.Select((_, i) => first + i).ToArray() });
                    insert.Parameters.Add(new() { Value = chunk.Select(r => r.Oid.ToString()).ToArray() });
                    insert.Parameters.Add(new() { Value = chunk.Select(r => r.Value.TypeName).ToArray() });
                    insert.Parameters.Add(new() { Value = chunk.Select(r => r.Value.ToString()).ToArray() });
                    await insert.ExecuteNonQueryAsync();
                    await transaction.CommitAsync();
                }

                return;
            }

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
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<List<Job>> WaitAllAsync(JobService jobs, TenantContext admin, List<Guid> ids)
    {
        while (true)
        {
            var all = new List<Job>(ids.Count);
            foreach (var id in ids)
            {
                all.Add((await jobs.GetAsync(admin, id, default))!);
            }

            if (all.All(j => j.IsFinished))
            {
                return all;
            }

            await Task.Delay(50);
        }
    }

    private static async Task<TenantContext> TenantAsync(IServiceProvider services)
    {
        var platform = new TenantContext(Guid.Empty, Guid.Empty, UserRole.Admin, IsPlatformAdmin: true);
        var tenant = await services.GetRequiredService<TenantService>().CreateAsync(
            platform, new CreateTenantInput("bench", "Bench", "admin@bench.test", "bench-password-1"), default);
        var user = await services.GetRequiredService<UserService>().AuthenticateAsync("bench", "admin@bench.test", "bench-password-1", default);
        return new TenantContext(tenant.Id, user!.Id, UserRole.Admin);
    }

    private static async Task<Guid> DeviceAsync(IServiceProvider services, TenantContext admin, string name, IPEndPoint agent)
    {
        var device = await services.GetRequiredService<DeviceService>().CreateAsync(admin, new CreateDeviceInput(name, agent.Address.ToString()), default);
        await services.GetRequiredService<CredentialService>().SetSnmpAsync(
            admin, new SetSnmpCredentialInput(device.Id, "2c", Community: "public", Port: agent.Port, TimeoutSeconds: 2, Retries: 2), default);
        return device.Id;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
