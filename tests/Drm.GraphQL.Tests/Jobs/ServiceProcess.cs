using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Drm.GraphQL.Tests.Jobs;

/// <summary>The <c>drm serve</c> executable as a child process, as it runs in production.</summary>
public sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private ServiceProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the service printed, for failure messages.</summary>
    public string Output => string.Join('\n', _output);

    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreeTcpPort();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "drm.dll"));
        info.ArgumentList.Add("serve");
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["BIND_ADDRESS"] = "127.0.0.1";
        var process = Process.Start(info)!;
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            process.HasExited.ShouldBeFalse("drm serve exited while starting");
            try
            {
                if ((await http.GetAsync(new Uri(service.BaseUrl, "/readyz"))).StatusCode == HttpStatusCode.OK)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
                // HttpClient's own timeout: on two busy cores even a refused loopback connect can outlast it.
            }

            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL: the node dies mid-work without a chance to clean up.</summary>
    public void KillHard() => _process.Kill();

    /// <summary>SIGTERM and how long the service took to exit.</summary>
    public async Task<TimeSpan> StopAsync(TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var deadline = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
        }

        return clock.Elapsed;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
