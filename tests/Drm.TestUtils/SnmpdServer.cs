using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Transport;

namespace Drm.TestUtils;

/// <summary>
/// A private net-snmp <c>snmpd</c> (Debian's) on a loopback port, with its own configuration and persistent folder in
/// a temp directory (never <c>/etc/snmp</c>), running as <c>nobody</c>: v2c communities <c>public-ro</c> (reads all)
/// and <c>private-rw</c> (writes only a harmless view, including the writable scalars under
/// <see cref="PlaypenPrefix"/>), and one read-only v3 user for every auth × priv combination this snmpd supports.
/// </summary>
public sealed class SnmpdServer : IAsyncDisposable
{
    public const string ReadCommunity = "public-ro";
    public const string WriteCommunity = "private-rw";
    public const string AuthPassword = "auth-pass-1";
    public const string PrivPassword = "priv-pass-1";

    /// <summary>Writable scalars under netSnmpPlaypen: .1 INTEGER, .2 Gauge32, .3 OCTET STRING, .4 OID, .5 TimeTicks, .6 Counter32.</summary>
    public const string PlaypenPrefix = "1.3.6.1.4.1.8072.9999.9999.1";

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
            // Fixed so the walk of the tree is the same for every tool that compares against it.
            .AppendLine("sysServices 72")
            .AppendLine($$"""
                # Everyone reads everything; writers may change only what is harmless on this machine. (A write view of
                # everything once let a test set ifAdminStatus of the loopback interface to down.)
                view all included .1
                # sysContact, sysName, sysLocation
                view safeWrite included .1.3.6.1.2.1.1.4
                view safeWrite included .1.3.6.1.2.1.1.5
                view safeWrite included .1.3.6.1.2.1.1.6
                # snmpTargetAddrTable (kept in this agent's own persistent folder) and NET-SNMP-AGENT-MIB's nsCacheTable
                view safeWrite included .1.3.6.1.6.3.12.1.2
                view safeWrite included .1.3.6.1.4.1.8072.1.5.3
                # netSnmpPlaypen: one writable scalar of each type snmpd's override directive can hold
                view safeWrite included {{PlaypenPrefix}}

                com2sec readers 127.0.0.1 {{ReadCommunity}}
                com2sec6 readers6 ::1 {{ReadCommunity}}
                com2sec writers 127.0.0.1 {{WriteCommunity}}
                group readers v1 readers
                group readers v2c readers
                group readers v1 readers6
                group readers v2c readers6
                group writers v1 writers
                group writers v2c writers
                access readers "" any noauth exact all none none
                access writers "" any noauth exact all safeWrite none

                override -rw {{PlaypenPrefix}}.1.0 integer 42
                override -rw {{PlaypenPrefix}}.2.0 unsigned 7
                override -rw {{PlaypenPrefix}}.3.0 octet_str "playpen"
                override -rw {{PlaypenPrefix}}.4.0 object_id .1.3.6.1.4.1.8072
                override -rw {{PlaypenPrefix}}.5.0 timeticks 100
                override -rw {{PlaypenPrefix}}.6.0 counter 5
                """);
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
        // -I -smux: the SMUX module would otherwise listen on TCP port 199 of every interface.
        List<string> arguments = ["-f", "-Lf", Path.Combine(directory, "snmpd.log"), "-C", "-c", configPath, "-p", Path.Combine(directory, "snmpd.pid"), "-I", "-smux"];
        if (!OperatingSystem.IsWindows() && Environment.UserName == "root")
        {
            // snmpd binds its port as root, then runs as nobody, which must reach and write its persistent folder.
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
            File.SetUnixFileMode(Path.Combine(directory, "persist"), (UnixFileMode)0b111_111_111);
            arguments.AddRange(["-u", "nobody", "-g", "nogroup"]);
        }

        foreach (var argument in arguments)
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
