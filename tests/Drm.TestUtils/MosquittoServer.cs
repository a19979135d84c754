using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Drm.TestUtils;

/// <summary>
/// A private Debian <c>mosquitto</c> broker on a loopback port, configured in a temp folder (never /etc/mosquitto):
/// MQTT 5 and 3.1.1, no persistence, and anonymous clients unless <see cref="StartAsync"/> is given a user.
/// </summary>
public sealed class MosquittoServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private MosquittoServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    public Uri Url => new($"mqtt://127.0.0.1:{Port}");

    /// <summary>Starts the broker; with <paramref name="user"/>, only that user name and password may connect.</summary>
    public static async Task<MosquittoServer> StartAsync((string Name, string Password)? user = null)
    {
        const string mosquitto = "/usr/sbin/mosquitto";
        if (!File.Exists(mosquitto))
        {
            throw new InvalidOperationException("mosquitto is not installed: apt-get install mosquitto (./test does it).");
        }

        var directory = Directory.CreateTempSubdirectory("drm-mosquitto-").FullName;
        var port = FreeTcpPort();
        var config = new List<string> { $"listener {port} 127.0.0.1", "persistence false", "log_dest stderr" };
        if (user is { } u)
        {
            var passwords = Path.Combine(directory, "passwords");
            await File.WriteAllTextAsync(passwords, $"{u.Name}:{u.Password}\n");
            // mosquitto_passwd hashes the file in place; the broker reads only hashed entries.
            using (var hash = Process.Start(new ProcessStartInfo("/usr/bin/mosquitto_passwd", ["-U", passwords]) { RedirectStandardError = true })!)
            {
                await hash.WaitForExitAsync();
            }

            // The broker drops root for the mosquitto user, which must still reach and read the file.
            if (!OperatingSystem.IsWindows())
            {
                const UnixFileMode readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
                File.SetUnixFileMode(directory, readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
                File.SetUnixFileMode(passwords, readable);
            }
            config.Add("allow_anonymous false");
            config.Add($"password_file {passwords}");
        }
        else
        {
            config.Add("allow_anonymous true");
        }

        var file = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllLinesAsync(file, config);
        var info = new ProcessStartInfo(mosquitto, ["-c", file]) { RedirectStandardError = true, RedirectStandardOutput = true };
        var process = Process.Start(info)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new MosquittoServer(process, directory, port);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with {process.ExitCode} while starting.");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException) when (clock.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
