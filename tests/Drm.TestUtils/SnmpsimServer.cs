using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Transport;

namespace Drm.TestUtils;

/// <summary>
/// Debian's <c>snmpsimd</c> (pysnmp-based) serving recordings from a temp data folder on a loopback port. The
/// community, and for SNMPv3 the context name, pick the recording: <c>public.snmprec</c> answers <c>public</c>.
/// It refuses to run as root, so it runs as nobody; each process gets its own cache folder.
/// </summary>
public sealed class SnmpsimServer : IAsyncDisposable
{
    public const string EngineId = "8000000001020304";
    public const string AuthKey = "auth-pass-1";
    public const string PrivKey = "priv-pass-1";

    private readonly Process _process;
    private readonly string _directory;

    private SnmpsimServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public string Log => File.Exists(Path.Combine(_directory, "snmpsim.log")) ? File.ReadAllText(Path.Combine(_directory, "snmpsim.log")) : "";

    /// <summary>v3 users: name → (snmpsim auth protocol, snmpsim priv protocol); keys are <see cref="AuthKey"/> and <see cref="PrivKey"/>.</summary>
    public static readonly IReadOnlyDictionary<string, (string Auth, string Priv)> Users = new Dictionary<string, (string, string)>
    {
        ["reeder-aes192"] = ("SHA", "AES192"),
        ["reeder-aes256"] = ("SHA256", "AES256"),
        ["blumenthal-aes256"] = ("SHA", "AES256BLMT"),
        ["tripledes"] = ("MD5", "3DES"),
    };

    public static async Task<SnmpsimServer> StartAsync(IReadOnlyDictionary<string, SnmpRecording> recordings, TimeSpan? startTimeout = null)
    {
        const string snmpsimd = "/usr/bin/snmpsimd";
        if (!File.Exists(snmpsimd))
        {
            throw new InvalidOperationException("snmpsimd is not installed: apt-get install snmpsim (./test does it).");
        }

        var directory = Directory.CreateTempSubdirectory("drm-snmpsim-").FullName;
        var data = Directory.CreateDirectory(Path.Combine(directory, "data")).FullName;
        var cache = Directory.CreateDirectory(Path.Combine(directory, "cache")).FullName;
        foreach (var (community, recording) in recordings)
        {
            recording.Save(Path.Combine(data, community + ".snmprec"));
        }

        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            (await ProcessRunner.RunAsync("chown", ["-R", "nobody:nogroup", directory], TimeSpan.FromSeconds(30))).EnsureSuccess("chown");
            // nobody must be able to reach the folder through /tmp's parents.
            (await ProcessRunner.RunAsync("chmod", ["755", directory], TimeSpan.FromSeconds(10))).EnsureSuccess("chmod");
        }

        var port = FreeUdpPort();
        var arguments = new List<string> { $"--data-dir={data}", $"--cache-dir={cache}", $"--logging-method=file:{Path.Combine(directory, "snmpsim.log")}" };
        if (asRoot)
        {
            arguments.AddRange(["--process-user=nobody", "--process-group=nogroup"]);
        }

        // snmpsim groups options by engine: users first, the endpoint last.
        arguments.Add($"--v3-engine-id={EngineId}");
        foreach (var (user, (auth, priv)) in Users)
        {
            arguments.AddRange([$"--v3-user={user}", $"--v3-auth-key={AuthKey}", $"--v3-auth-proto={auth}", $"--v3-priv-key={PrivKey}", $"--v3-priv-proto={priv}"]);
        }

        arguments.Add($"--agent-udpv4-endpoint=127.0.0.1:{port}");
        var info = new ProcessStartInfo(snmpsimd) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("snmpsimd did not start.");
        var server = new SnmpsimServer(process, directory, port);
        await server.WaitUntilAnsweringAsync(recordings.Keys.First(), startTimeout ?? TimeSpan.FromSeconds(120));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    // snmpsim indexes each recording on first start (seconds for 100,000 lines) before it answers.
    private async Task WaitUntilAnsweringAsync(string community, TimeSpan timeout)
    {
        await using var transport = new SnmpUdpTransport();
        var client = new SnmpClient(transport, new SnmpAgent
        {
            EndPoint = EndPoint, Community = System.Text.Encoding.ASCII.GetBytes(community), Timeout = TimeSpan.FromMilliseconds(500), Retries = 0,
        });
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"snmpsimd exited with {_process.ExitCode}: {Log}");
            }

            try
            {
                await client.GetNextAsync([ObjectIdentifier.Parse("1.3.6")]);
                return;
            }
            catch (SnmpTimeoutException) when (deadline.Elapsed < timeout)
            {
            }
        }
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
