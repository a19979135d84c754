using System.Diagnostics;
using System.Globalization;
using Drm.Engine;
using Drm.Engine.Jobs;
using Drm.Engine.Mibs;
using Drm.Engine.Paging;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Mib.Smi;
using Drm.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Drm.Benchmarks;

/// <summary>
/// The MIB library in PostgreSQL (issue #5): the whole corpus stored as global modules at start-up and uploaded as a
/// .tar.gz by each of several tenants (a million stored OIDs with the defaults), then OID, name, prefix and tree
/// lookups as one tenant sees them, with p50 and p99.
/// </summary>
public static class MibLibraryBenchmark
{
    /// <summary><c>mib-library [--tenants 10] [--lookups 1000]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var tenants = Option(args, "--tenants", 10);
        var lookups = Option(args, "--lookups", 1_000);
        var corpus = Path.Combine(RepositoryPaths.Shared, "data", "mibs");
        await using var postgres = await PostgresServer.StartAsync();
        await postgres.CreateDatabaseAsync("drm");
        DatabaseMigrator.Migrate(postgres.OwnerConnectionString("drm"), PostgresServer.AppRole);

        var clock = Stopwatch.StartNew();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddDrmEngine(new EngineOptions
        {
            Database = new DatabaseOptions { ConnectionString = postgres.AppConnectionString("drm") },
            CredentialsKey = Convert.ToBase64String(new byte[32]),
            MibDirectories = [corpus],
        });
        using var host = builder.Build();
        await host.StartAsync();
        var services = host.Services;
        await services.GetRequiredService<MibCatalogLoader>().Stored;
        var globalSeconds = clock.Elapsed.TotalSeconds;
        var globalOids = await CountAsync(postgres, "SELECT count(*) FROM mib_oids WHERE tenant_id IS NULL");
        var globalModules = await CountAsync(postgres, "SELECT count(*) FROM mib_modules WHERE tenant_id IS NULL");
        Console.WriteLine($"# MIB library benchmark: {Environment.ProcessorCount} cores");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Global modules from {corpus}: {globalModules:N0} modules, {globalOids:N0} OIDs parsed and stored at start-up in {globalSeconds:0.00} s."));

        // Each tenant uploads the whole corpus as one archive: a MIB_PARSE job parses and stores it.
        var files = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("README.txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(corpus, f), File.ReadAllText(f))).ToArray();
        var archive = TestArchives.Of(files);
        var mibs = services.GetRequiredService<MibService>();
        var jobs = services.GetRequiredService<JobService>();
        var callers = new List<TenantContext>();
        var uploadSeconds = new List<double>();
        for (var i = 0; i < tenants; i++)
        {
            var caller = await JobsBenchmark.TenantAsync(services, $"tenant{i}");
            callers.Add(caller);
            var upload = Stopwatch.StartNew();
            var job = await mibs.UploadAsync(caller, "corpus.tar.gz", archive, default);
            while (!job.IsFinished)
            {
                await Task.Delay(50);
                job = (await jobs.GetAsync(caller, job.Id, default))!;
            }

            if (job.Status != JobStatus.Completed)
            {
                throw new InvalidOperationException($"The corpus upload failed: {job.ErrorMessage}");
            }

            uploadSeconds.Add(upload.Elapsed.TotalSeconds);
        }

        await SqlAsync(postgres, "VACUUM ANALYZE mib_oids");
        await SqlAsync(postgres, "VACUUM ANALYZE mib_modules");
        var stored = await CountAsync(postgres, "SELECT count(*) FROM mib_oids");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Each of {tenants} tenants uploaded the corpus ({files.Length:N0} files, {archive.Length / 1048576.0:0.0} MB as .tar.gz): " +
            $"upload to stored, median {WalkBenchmark.Median(uploadSeconds):0.00} s (runs {string.Join(", ", uploadSeconds.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))})."));
        Console.WriteLine($"Stored OIDs in all: {stored:N0}.");
        Console.WriteLine();

        // Lookups as tenants see them: their own modules replace the global ones of the same name.
        var tree = services.GetRequiredService<MibCatalog>().Global.Formatter.Tree;
        var random = new Random(42);
        var sample = Enumerable.Range(0, lookups).Select(_ => tree.Nodes[random.Next(tree.Nodes.Count)]).ToArray();
        var caller0 = callers.Count > 0 ? callers : [await JobsBenchmark.TenantAsync(services, "reader")];
        Console.WriteLine($"| lookup ({lookups:N0} random nodes of the corpus, tenants in turn) | p50 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        await MeasureAsync("mibOid by numeric OID with an instance (longest stored prefix)", async (node, who) =>
            await mibs.FindAsync(who, node.OidText + ".7", default) ?? throw new InvalidOperationException($"{node} not found"));
        await MeasureAsync("mibOid by MODULE::name", async (node, who) =>
            await mibs.FindAsync(who, node.FullName, default) ?? throw new InvalidOperationException($"{node} not found"));
        await MeasureAsync("mibOids(prefix: parent, first: 50)", async (node, who) =>
            await mibs.ListOidsAsync(who, null, string.Join('.', node.Oid[..^1]), null, new PageRequest(50), default));
        await MeasureAsync("mibTree(oid: node, depth: 1)", async (node, who) => await mibs.TreeAsync(who, node.OidText, 1, default));
        await MeasureAsync("mibOids(name: part of a name, first: 50)", async (node, who) =>
            await mibs.ListOidsAsync(who, null, null, node.Name[..Math.Min(6, node.Name.Length)], new PageRequest(50), default), Math.Min(lookups, 100));

        await host.StopAsync();
        return 0;

        async Task MeasureAsync(string label, Func<MibNode, TenantContext, Task<object>> lookup, int count = int.MaxValue)
        {
            var times = new List<double>();
            // Unmeasured first calls: JIT and PostgreSQL's plan caches.
            for (var i = 0; i < 20; i++)
            {
                await lookup(sample[i], caller0[i % caller0.Count]);
            }

            for (var i = 0; i < Math.Min(count, sample.Length); i++)
            {
                var one = Stopwatch.StartNew();
                await lookup(sample[i], caller0[i % caller0.Count]);
                times.Add(one.Elapsed.TotalMilliseconds);
            }

            var sorted = times.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {label} | {JobsBenchmark.Percentile(sorted, 0.50):0.00} | {JobsBenchmark.Percentile(sorted, 0.99):0.00} | {sorted[^1]:0.00} |"));
        }
    }

    // As the superuser: the owner is held to the forced policies and would count only the global rows.
    internal static async Task<long> CountAsync(PostgresServer postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString("drm"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    internal static async Task SqlAsync(PostgresServer postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.OwnerConnectionString("drm"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    internal static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
