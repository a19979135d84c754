using Drm.Protocols.Tr069;
using Drm.TestUtils;

namespace Drm.Protocols.Tests.Tr069;

public sealed class GenieAcsClientTests : IAsyncLifetime
{
    // GenieACS escapes '-' inside a part of the id; in a URL path the id is escaped once more.
    private const string Cpe = "202BC1-BM632w-SN%2D0042";
    private GenieAcsServer _acs = null!;
    private GenieAcsDevice _device = null!;
    private readonly HttpClient _http = new();

    public async ValueTask InitializeAsync()
    {
        _acs = await GenieAcsServer.StartAsync();
        _device = _acs.AddDevice(Cpe)
            .With("Device.DeviceInfo.SoftwareVersion", "1.2.3", "string")
            .With("Device.DeviceInfo.UpTime", "3600", "unsignedInt")
            .With("Device.ManagementServer.PeriodicInformInterval", "300", "unsignedInt", writable: true)
            .With("Device.WiFi.SSID.1.SSID", "home", "string", writable: true)
            .With("Device.WiFi.SSID.1.Enable", "true", "boolean", writable: true);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _acs.DisposeAsync();
    }

    [Fact]
    public async Task Get_RunsGetParameterValuesWithAConnectionRequest_ThenReadsTheValuesTheAcsStored()
    {
        var values = await new GenieAcsClient(_http).GetAsync(Target(), ["Device.DeviceInfo.UpTime", "Device.WiFi.SSID.1."], default);

        values.ShouldBe([
            new Tr069Parameter("Device.DeviceInfo.UpTime", "3600", "unsignedInt"),
            new Tr069Parameter("Device.WiFi.SSID.1.Enable", "true", "boolean"),
            new Tr069Parameter("Device.WiFi.SSID.1.SSID", "home", "string"),
        ]);
        var post = _acs.Requests.First(r => r.Method == "POST");
        post.Target.ShouldBe("/devices/202BC1-BM632w-SN%252D0042/tasks?timeout=5000&connection_request");
        post.Body.ShouldBe("""{"name":"getParameterValues","parameterNames":["Device.DeviceInfo.UpTime","Device.WiFi.SSID.1."]}""");
        _acs.PendingTasks.ShouldBeEmpty();
    }

    [Fact]
    public async Task Set_SendsTypedValuesInOneTask_AndTheCpeAppliesThem()
    {
        await new GenieAcsClient(_http).SetAsync(Target(), [
            new Tr069Parameter("Device.WiFi.SSID.1.SSID", "guest", "string"),
            new Tr069Parameter("Device.ManagementServer.PeriodicInformInterval", "60", "unsignedInt"),
        ], default);

        _device.Parameters["Device.WiFi.SSID.1.SSID"].Value.ShouldBe("guest");
        _device.Parameters["Device.ManagementServer.PeriodicInformInterval"].Value.ShouldBe("60");
        _acs.Requests.First(r => r.Method == "POST").Body
            .ShouldContain("""["Device.ManagementServer.PeriodicInformInterval","60","xsd:unsignedInt"]""");
    }

    [Fact]
    public async Task ASetTheCpeFaults_ThrowsItsFaultPerParameter_AppliesNothing_AndWithdrawsTaskAndFault()
    {
        var fault = await Should.ThrowAsync<Tr069FaultException>(new GenieAcsClient(_http).SetAsync(Target(), [
            new Tr069Parameter("Device.WiFi.SSID.1.SSID", "guest", "string"),
            new Tr069Parameter("Device.DeviceInfo.UpTime", "1", "unsignedInt"),
        ], default));

        fault.FaultCode.ShouldBe("cwmp.9003");
        fault.Message.ShouldBe("The CPE faulted (cwmp.9003): Invalid arguments — Device.DeviceInfo.UpTime: 9008 Attempt to set a non-writable parameter");
        _device.Parameters["Device.WiFi.SSID.1.SSID"].Value.ShouldBe("home");
        _acs.PendingTasks.ShouldBeEmpty();
        _acs.Faults.ShouldBeEmpty();
    }

    [Fact]
    public async Task AGetOfAnUnknownName_ThrowsFault9005()
    {
        var fault = await Should.ThrowAsync<Tr069FaultException>(new GenieAcsClient(_http).GetAsync(Target(), ["Device.Nope."], default));

        fault.FaultCode.ShouldBe("cwmp.9005");
        fault.FaultString.ShouldBe("Invalid parameter name");
    }

    [Fact]
    public async Task ACpeThatDoesNotConnect_TimesOut_AndItsTaskIsWithdrawn()
    {
        _device.Online = false;

        var timedOut = await Should.ThrowAsync<Tr069TimeoutException>(new GenieAcsClient(_http).GetAsync(
            Target() with { ConnectionRequestTimeout = TimeSpan.FromMilliseconds(300), PollInterval = TimeSpan.FromMilliseconds(50) },
            ["Device.DeviceInfo.UpTime"], default));

        timedOut.Message.ShouldBe("The CPE did not answer the connection request within 0.3 s; the task was withdrawn.");
        _acs.PendingTasks.ShouldBeEmpty();
    }

    [Fact]
    public async Task WithoutConnectionRequests_TheTaskRunsAtTheNextInform()
    {
        _device.InformAfter = TimeSpan.FromMilliseconds(300);

        var values = await new GenieAcsClient(_http).GetAsync(
            Target() with { ConnectionRequest = false, PollInterval = TimeSpan.FromMilliseconds(50) }, ["Device.DeviceInfo.SoftwareVersion"], default);

        values.ShouldBe([new Tr069Parameter("Device.DeviceInfo.SoftwareVersion", "1.2.3", "string")]);
        _acs.Requests.First(r => r.Method == "POST").Target.ShouldNotContain("connection_request");
    }

    [Fact]
    public async Task AnUnknownDevice_Is404FromTheAcs()
    {
        var refused = await Should.ThrowAsync<Tr069Exception>(new GenieAcsClient(_http).GetAsync(Target() with { DeviceId = "000000-Nothing-1" }, ["Device.X"], default));

        refused.StatusCode.ShouldBe(404);
        refused.Message.ShouldBe("The ACS has no such device (404): No such device");
    }

    [Fact]
    public async Task NoAcsListening_IsReportedAsUnreachable()
    {
        var failed = await Should.ThrowAsync<Tr069TimeoutException>(new GenieAcsClient(_http).GetAsync(Target() with { BaseUrl = new Uri("http://127.0.0.1:9") }, ["Device.X"], default));

        failed.Message.ShouldContain("is unreachable");
    }

    private AcsTarget Target() => new(_acs.BaseUrl, Cpe) { Timeout = TimeSpan.FromSeconds(5), ConnectionRequestTimeout = TimeSpan.FromSeconds(5) };
}
