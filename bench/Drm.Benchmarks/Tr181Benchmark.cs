using System.Diagnostics;
using System.Globalization;
using System.Text;
using Drm.Engine;
using Drm.Engine.Jobs;
using Drm.Engine.Paging;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Engine.Tr181;
using Drm.Mib.Tr181;
using Drm.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Drm.Benchmarks;

/// <summary>
/// The TR-181 catalog (issue #6): reading the BBF models, importing the full USP model into PostgreSQL as a
/// <c>TR181_IMPORT</c> job (against a raw binary COPY of the same rows into a table without policies or indexes, the
/// anchor), then search, list, tree, lookup and validation p50/p99 with every tenant holding its own full copy.
/// </summary>
public static class Tr181Benchmark
{
    /// <summary><c>tr181 [--tenants 10] [--queries 500] [--repeat 5]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var tenants = MibLibraryBenchmark.Option(args, "--tenants", 10);
        var queries = MibLibraryBenchmark.Option(args, "--queries", 500);
        var repeat = MibLibraryBenchmark.Option(args, "--repeat", 5);
        Console.WriteLine($"# TR-181 catalog benchmark: {Environment.ProcessorCount} cores");

        // Reading the models, in process: the first read pays for the JIT, the median of the rest is the warm figure.
        Console.WriteLine("| read (Drm.Mib) | first ms | median ms |");
        Console.WriteLine("|---|---:|---:|");
        Tr181Model model = null!;
        foreach (var (label, file) in new[] { ("tr-181-2-19-1-usp.xml with its 96 imports", TestTr181.UspComponents), ("tr-181-2-19-1-usp-full.xml", TestTr181.UspFull) })
        {
            var times = Enumerable.Range(0, repeat + 1).Select(_ => Time(() => model = Tr181Reader.ReadFile(file))).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {times[0]:0} | {WalkBenchmark.Median(times.Skip(1).ToList()):0} |"));
        }

        var drafts = Tr181ItemDraft.FromModel(model);
        Console.WriteLine($"Model {model.Name}: {model.Objects.Count:N0} objects, {model.Parameters.Count:N0} parameters, {model.Commands.Count:N0} commands, " +
                          $"{model.Events.Count:N0} events ({drafts.Count:N0} catalog rows).");
        Console.WriteLine();

        await using var postgres = await PostgresServer.StartAsync();
        await postgres.CreateDatabaseAsync("drm");
        DatabaseMigrator.Migrate(postgres.OwnerConnectionString("drm"), PostgresServer.AppRole);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDrmEngine(new EngineOptions
        {
            Database = new DatabaseOptions { ConnectionString = postgres.AppConnectionString("drm") },
            CredentialsKey = Convert.ToBase64String(new byte[32]),
            MibDirectories = [],
            Tr181Sources = [TestTr181.UspComponents],
        });
        using var host = builder.Build();
        var startUp = Stopwatch.StartNew();
        await host.StartAsync();
        var services = host.Services;
        await services.GetRequiredService<Tr181CatalogLoader>().Stored;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Start-up import of the global model (TR181_SOURCES = the component-based USP model): {startUp.Elapsed.TotalSeconds:0.00} s."));

        // Each tenant imports the flattened model as an upload: the TR181_IMPORT job from enqueue to COMPLETED,
        // taking turns with the anchor (the same rows by binary COPY into a bare table).
        var upload = await File.ReadAllBytesAsync(TestTr181.UspFull);
        var tr181 = services.GetRequiredService<Tr181Service>();
        var jobs = services.GetRequiredService<JobService>();
        var callers = new List<TenantContext>();
        var importTimes = new List<double>();
        var copyTimes = new List<double>();
        for (var i = 0; i < tenants; i++)
        {
            var caller = await JobsBenchmark.TenantAsync(services, $"tenant{i}");
            callers.Add(caller);
            copyTimes.Add(await RawCopyAsync(postgres, drafts));
            var clock = Stopwatch.StartNew();
            var job = await WaitAsync(jobs, caller, await tr181.ImportAsync(caller, "tr-181-2-19-1-usp-full.xml", upload, null, false, default));
            importTimes.Add(clock.Elapsed.TotalMilliseconds);
        }

        var reimport = new List<double>();
        for (var i = 0; i < Math.Min(repeat, callers.Count); i++)
        {
            var clock = Stopwatch.StartNew();
            await WaitAsync(jobs, callers[i], await tr181.ImportAsync(callers[i], "tr-181-2-19-1-usp-full.xml", upload, null, false, default));
            reimport.Add(clock.Elapsed.TotalMilliseconds);
        }

        var rows = await MibLibraryBenchmark.CountAsync(postgres, "SELECT count(*) FROM tr181_parameters");
        var importMedian = WalkBenchmark.Median(importTimes);
        var copyMedian = WalkBenchmark.Median(copyTimes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Full import by upload ({upload.Length / 1048576.0:0.0} MB, {drafts.Count:N0} rows), TR181_IMPORT job enqueue to COMPLETED: median {importMedian:0} ms " +
            $"(runs {string.Join(", ", importTimes.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))})."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Anchor, binary COPY of the same rows into a bare table: median {copyMedian:0} ms; import / COPY = {importMedian / copyMedian:0.0}×."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Re-import of the unchanged model (nothing rewritten): median {WalkBenchmark.Median(reimport):0} ms. Rows stored in all: {rows:N0}."));
        Console.WriteLine();

        await MibLibraryBenchmark.SqlAsync(postgres, "VACUUM ANALYZE tr181_parameters");
        var random = new Random(42);
        var objects = model.Objects.Select(o => o.Path).ToArray();
        var parameters = model.Parameters.Where(p => p.Access == Tr181Access.ReadWrite).ToArray();
        var words = model.Parameters.Select(p => p.Name).Where(n => n.Length >= 5).Select(n => n[..5]).Distinct().ToArray();
        Console.WriteLine($"| query ({queries:N0} random ones, the {tenants} tenants in turn, each seeing {drafts.Count:N0} rows of its own over the global ones) | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        await MeasureAsync("tr181Parameters(search: 5 letters of a name, first: 50), with totalCount", who =>
            tr181.ListAsync(who, new Tr181Filter(Search: words[random.Next(words.Length)]), new PageRequest(50), default));
        await MeasureAsync("tr181Parameters(pathPrefix: an object, first: 50), with totalCount", who =>
            tr181.ListAsync(who, new Tr181Filter(PathPrefix: objects[random.Next(objects.Length)]), new PageRequest(50), default));
        await MeasureAsync("tr181Parameters(type: unsignedInt, access: READ_WRITE, first: 50)", who =>
            tr181.ListAsync(who, new Tr181Filter(Type: "unsignedInt", Access: Tr181Access.ReadWrite), new PageRequest(50), default));
        await MeasureAsync("tr181Tree(rootPath: an object, depth: 1)", who => tr181.TreeAsync(who, objects[random.Next(objects.Length)], 1, default));
        await MeasureAsync("tr181Tree(rootPath: Device., depth: 2)", who => tr181.TreeAsync(who, "Device.", 2, default));
        await MeasureAsync("tr181Parameter(path: an instance path)", who =>
            tr181.FindAsync(who, parameters[random.Next(parameters.Length)].Path.Replace("{i}", "3", StringComparison.Ordinal), default));
        await MeasureAsync("validateTr181 of 20 values", who => tr181.ValidateAsync(who, Enumerable.Range(0, 20)
            .Select(_ => new Tr181ValueInput(parameters[random.Next(parameters.Length)].Path.Replace("{i}", "1", StringComparison.Ordinal), "1")).ToList(), default));

        await host.StopAsync();
        return 0;

        async Task MeasureAsync<T>(string label, Func<TenantContext, Task<T>> query)
        {
            // Unmeasured first calls: JIT and PostgreSQL's plan caches.
            for (var i = 0; i < 20; i++)
            {
                await query(callers[i % callers.Count]);
            }

            var times = new List<double>();
            for (var i = 0; i < queries; i++)
            {
                var one = Stopwatch.StartNew();
                await query(callers[i % callers.Count]);
                times.Add(one.Elapsed.TotalMilliseconds);
            }

            var sorted = times.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {JobsBenchmark.Percentile(sorted, 0.50):0.00} | {JobsBenchmark.Percentile(sorted, 0.99):0.00} | {sorted[^1]:0.00} |"));
        }
    }

    private static async Task<Job> WaitAsync(JobService jobs, TenantContext caller, Job job)
    {
        while (!job.IsFinished)
        {
            await Task.Delay(5);
            job = (await jobs.GetAsync(caller, job.Id, default))!;
        }

        return job.Status == JobStatus.Completed ? job : throw new InvalidOperationException($"The import failed: {job.ErrorMessage}");
    }

    // The anchor: the rows' columns by binary COPY into a fresh table with no policy, index or key; the table is
    // dropped afterwards (untimed).
    private static async Task<double> RawCopyAsync(PostgresServer postgres, IReadOnlyList<Tr181ItemDraft> drafts)
    {
        await using var connection = new NpgsqlConnection(postgres.OwnerConnectionString("drm"));
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            "CREATE TABLE bench_copy (kind text, path text, parent text, depth smallint, name text, access text, base_type text, data_type text, " +
            "status text, version text, description text, details jsonb, digest bytea)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY bench_copy (kind, path, parent, depth, name, access, base_type, data_type, status, version, description, details, digest) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var d in drafts)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(d.Kind.ToString(), NpgsqlDbType.Text);
                await copy.WriteAsync(d.Path, NpgsqlDbType.Text);
                await copy.WriteAsync(d.Parent, NpgsqlDbType.Text);
                await copy.WriteAsync((short)d.Depth, NpgsqlDbType.Smallint);
                await copy.WriteAsync(d.Name, NpgsqlDbType.Text);
                await copy.WriteAsync(d.Access.ToString(), NpgsqlDbType.Text);
                await copy.WriteAsync(d.BaseType ?? "", NpgsqlDbType.Text);
                await copy.WriteAsync(d.DataType ?? "", NpgsqlDbType.Text);
                await copy.WriteAsync(d.Status, NpgsqlDbType.Text);
                await copy.WriteAsync(d.Version ?? "", NpgsqlDbType.Text);
                await copy.WriteAsync(d.Description ?? "", NpgsqlDbType.Text);
                await copy.WriteAsync(d.Details, NpgsqlDbType.Jsonb);
                await copy.WriteAsync(d.Digest(), NpgsqlDbType.Bytea);
            }

            await copy.CompleteAsync();
        }

        var elapsed = clock.Elapsed.TotalMilliseconds;
        await using var drop = new NpgsqlCommand("DROP TABLE bench_copy", connection);
        await drop.ExecuteNonQueryAsync();
        return elapsed;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }
}
