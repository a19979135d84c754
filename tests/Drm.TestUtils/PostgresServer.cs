using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Drm.TestUtils;

/// <summary>
/// A private PostgreSQL cluster for one test run: Debian's server binaries, a temporary data folder, loopback only.
/// It creates the two roles the service uses — <c>drm_owner</c> (runs migrations) and <c>drm_app</c> (the service,
/// NOBYPASSRLS) — so tests meet row-level security exactly as production does.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string OwnerRole = "drm_owner";
    public const string OwnerPassword = "owner-pw";
    public const string AppRole = "drm_app";
    public const string AppPassword = "app-pw";

    private readonly string _binDirectory;
    private readonly string _dataDirectory;
    private readonly bool _asPostgresUser;

    private PostgresServer(string binDirectory, string dataDirectory, int port, bool asPostgresUser)
    {
        _binDirectory = binDirectory;
        _dataDirectory = dataDirectory;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    /// <summary>The postmaster's process id; its backends are its children (benchmarks count their CPU time).</summary>
    public int ProcessId => int.Parse(File.ReadLines(Path.Combine(_dataDirectory, "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);

    public string ConnectionString(string database, string role = "postgres", string? password = null) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Database = database,
            Username = role,
            Password = password,
            Pooling = true,
            Timeout = 15,
        }.ConnectionString;

    public string OwnerConnectionString(string database) => ConnectionString(database, OwnerRole, OwnerPassword);

    public string AppConnectionString(string database) => ConnectionString(database, AppRole, AppPassword);

    public static async Task<PostgresServer> StartAsync()
    {
        var binDirectory = FindBinDirectory();
        var asPostgresUser = Environment.UserName == "root";
        var dataDirectory = Path.Combine(Path.GetTempPath(), "drm-test-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        if (asPostgresUser)
        {
            // PostgreSQL refuses to run as root.
            (await ProcessRunner.RunAsync("chown", ["postgres:postgres", dataDirectory], TimeSpan.FromSeconds(10))).EnsureSuccess("chown");
        }

        var port = FreePort();
        var server = new PostgresServer(binDirectory, dataDirectory, port, asPostgresUser);
        (await server.RunPgAsync("initdb", ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]))
            .EnsureSuccess("initdb");
        var options = $"-p {port} -c listen_addresses=127.0.0.1 -k {dataDirectory} -c fsync=off -c synchronous_commit=off " +
                      "-c full_page_writes=off -c max_connections=200";
        (await server.RunPgAsync("pg_ctl", ["-D", dataDirectory, "-o", options, "-l", Path.Combine(dataDirectory, "server.log"), "-w", "-t", "60", "start"]))
            .EnsureSuccess("pg_ctl start");

        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"CREATE ROLE {OwnerRole} LOGIN PASSWORD '{OwnerPassword}' NOSUPERUSER; " +
            $"CREATE ROLE {AppRole} LOGIN PASSWORD '{AppPassword}' NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;",
            connection);
        await command.ExecuteNonQueryAsync();
        return server;
    }

    /// <summary>Creates an empty database owned by <see cref="OwnerRole"/>, optionally as a copy of <paramref name="template"/>.</summary>
    public async Task CreateDatabaseAsync(string name, string? template = null)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        var templateClause = template is null ? "" : $" TEMPLATE \"{template}\"";
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" OWNER {OwnerRole}{templateClause}", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunPgAsync("pg_ctl", ["-D", _dataDirectory, "-m", "immediate", "-w", "stop"]);
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task<ProcessResult> RunPgAsync(string program, IEnumerable<string> arguments)
    {
        var path = Path.Combine(_binDirectory, program);
        return _asPostgresUser
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], TimeSpan.FromMinutes(2), workingDirectory: "/tmp")
            : ProcessRunner.RunAsync(path, arguments, TimeSpan.FromMinutes(2));
    }

    private static string FindBinDirectory()
    {
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
            : [];
        return candidates.OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault()
            ?? throw new InvalidOperationException("PostgreSQL server binaries not found under /usr/lib/postgresql: install Debian's postgresql (./test does).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
