using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Transport;

namespace Drm.TestUtils;

/// <summary>
/// A private net-snmp <c>snmpd</c> (Debian's) on a loopback port, with its own configuration and persistent folder in
/// a temp directory (never <c>/etc/snmp</c>): v2c communities <c>public-ro</c> and <c>private-rw</c>, and one v3 user
/// for every auth × priv combination this snmpd supports.
/// </summary>
public sealed class SnmpdServer : IAsyncDisposable
{
    public const string ReadCommunity = "public-ro";
    public const string WriteCommunity = "private-rw";
    public const string AuthPassword = "auth-pass-1";
    public const string PrivPassword = "priv-pass-1";

    /// <summary>net-snmp spellings; Debian's snmpd has no 3DES. AES-192/256 use Blumenthal's key extension, the -C ones Reeder's.</summary>
    public static readonly string[] AuthProtocols = ["MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512"];

    public static readonly string[] PrivProtocols = ["DES", "AES", "AES-192", "AES-256", "AES-192-C", "AES-256-C"];

    private readonly string _directory;
    private Process _process;

    private SnmpdServer(Process process, string directory, int port, IReadOnlyList<SnmpdUser> users)
    {
        _process = process;
        _directory = directory;
        Port = port;
        Users = users;
    }

    public int Port { get; }

    public IPEndPoint EndPoint => new(IPAddress.Loopback, Port);

    public IReadOnlyList<SnmpdUser> Users { get; }

    public string Log => File.Exists(Path.Combine(_directory, "snmpd.log")) ? File.ReadAllText(Path.Combine(_directory, "snmpd.log")) : "";

    public static async Task<SnmpdServer> StartAsync()
    {
        const string snmpd = "/usr/sbin/snmpd";
        if (!File.Exists(snmpd))
        {
            throw new InvalidOperationException("snmpd is not installed: apt-get install snmpd snmp (./test does it).");
        }

        var directory = Directory.CreateTempSubdirectory("drm-snmpd-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "persist"));
        var port = FreeUdpPort();
        var users = new List<SnmpdUser> { new("noauth", null, null, null, null) };
        foreach (var auth in AuthProtocols)
        {
            users.Add(new SnmpdUser($"{Slug(auth)}-nopriv", auth, AuthPassword, null, null));
            users.AddRange(PrivProtocols.Select(priv => new SnmpdUser($"{Slug(auth)}-{Slug(priv)}", auth, AuthPassword, priv, PrivPassword)));
        }

        var config = new StringBuilder()
            .AppendLine($"agentAddress udp:127.0.0.1:{port},udp6:[::1]:{port}")
            .AppendLine($"rocommunity {ReadCommunity} 127.0.0.1")
            .AppendLine($"rocommunity6 {ReadCommunity} ::1")
            .AppendLine($"rwcommunity {WriteCommunity} 127.0.0.1")
            // Fixed so the walk of the tree is the same for every tool that compares against it.
            .AppendLine("sysServices 72");
        foreach (var user in users)
        {
            config.AppendLine(user switch
            {
                { AuthProtocol: null } => $"createUser {user.Name}",
                { PrivProtocol: null } => $"createUser {user.Name} {user.AuthProtocol} {user.AuthPassword}",
                _ => $"createUser {user.Name} {user.AuthProtocol} {user.AuthPassword} {user.PrivProtocol} {user.PrivPassword}",
            });
            config.AppendLine($"rouser {user.Name} {(user.PrivProtocol is not null ? "priv" : user.AuthProtocol is not null ? "auth" : "noauth")}");
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "snmpd.conf"), config.ToString());
        var server = new SnmpdServer(Launch(directory), directory, port, users);
        await server.WaitUntilAnsweringAsync();
        return server;
    }

    /// <summary>Stops and starts the agent on the same port and data: its engine boots counter goes up by one.</summary>
    public async Task RestartAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = Launch(_directory);
        await WaitUntilAnsweringAsync();
    }

    private static Process Launch(string directory)
    {
        const string snmpd = "/usr/sbin/snmpd";
        var configPath = Path.Combine(directory, "snmpd.conf");
        var info = new ProcessStartInfo(snmpd)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])["-f", "-Lf", Path.Combine(directory, "snmpd.log"), "-C", "-c", configPath, "-p", Path.Combine(directory, "snmpd.pid")])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["SNMP_PERSISTENT_DIR"] = Path.Combine(directory, "persist");
        info.Environment["MIBS"] = "";
        return Process.Start(info) ?? throw new InvalidOperationException("snmpd did not start.");
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

    private async Task WaitUntilAnsweringAsync()
    {
        await using var transport = new SnmpUdpTransport();
        var client = new SnmpClient(transport, new SnmpAgent
        {
            EndPoint = EndPoint, Community = Encoding.ASCII.GetBytes(ReadCommunity), Timeout = TimeSpan.FromMilliseconds(200), Retries = 0,
        });
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"snmpd exited with {_process.ExitCode}: {Log}");
            }

            try
            {
                await client.GetAsync([ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0")]);
                return;
            }
            catch (SnmpTimeoutException) when (deadline.Elapsed < TimeSpan.FromSeconds(15))
            {
            }
        }
    }

    private static string Slug(string protocol) => protocol.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal);

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
