using System.Text;
using System.Text.Json.Nodes;
using Drm.Protocols.WebPa;
using Drm.TestUtils;

namespace Drm.Protocols.Tests.WebPa;

public sealed class WebPaClientTests : IAsyncLifetime
{
    private const string Device = "mac:112233445566";
    private Tr1d1umServer _server = null!;
    private readonly HttpClient _http = new();

    public async ValueTask InitializeAsync()
    {
        _server = await Tr1d1umServer.StartAsync("drm:secret");
        _server.AddDevice(Device)
            .With("Device.DeviceInfo.Manufacturer", "Acme", WebPaDataType.String)
            .With("Device.DeviceInfo.UpTime", "86400", WebPaDataType.UnsignedInt)
            .With("Device.WiFi.SSID.1.SSID", "home", WebPaDataType.String, writable: true)
            .With("Device.WiFi.SSID.1.Enable", "true", WebPaDataType.Boolean, writable: true)
            .With("Device.WiFi.Radio.1.Channel", "6", WebPaDataType.UnsignedInt, writable: true);
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Get_ReturnsEachValueWithItsDataType_AndAnObjectPathExpandsToItsParameters()
    {
        var sut = new WebPaClient(_http);

        var values = await sut.GetAsync(Target(), ["Device.DeviceInfo.UpTime", "Device.WiFi.SSID.1."], default);

        values.ShouldBe([
            new WebPaParameter("Device.DeviceInfo.UpTime", "86400", WebPaDataType.UnsignedInt),
            new WebPaParameter("Device.WiFi.SSID.1.Enable", "true", WebPaDataType.Boolean),
            new WebPaParameter("Device.WiFi.SSID.1.SSID", "home", WebPaDataType.String),
        ]);
        var (method, target, _) = _server.Requests.Last();
        method.ShouldBe("GET");
        target.ShouldBe("/api/v3/device/mac:112233445566/config?names=Device.DeviceInfo.UpTime,Device.WiFi.SSID.1.");
    }

    [Fact]
    public async Task Set_ChangesEveryParameterInOneRequest_AndReportsEachOne()
    {
        var sut = new WebPaClient(_http);

        var outcomes = await sut.SetAsync(Target(), [
            new WebPaParameter("Device.WiFi.SSID.1.SSID", "guest", WebPaDataType.String),
            new WebPaParameter("Device.WiFi.Radio.1.Channel", "11", WebPaDataType.UnsignedInt),
        ], default);

        outcomes.ShouldBe([new WebPaSetOutcome("Device.WiFi.SSID.1.SSID", "Success"), new WebPaSetOutcome("Device.WiFi.Radio.1.Channel", "Success")]);
        (await sut.GetAsync(Target(), ["Device.WiFi.SSID.1.SSID", "Device.WiFi.Radio.1.Channel"], default)).Select(v => v.Value).ShouldBe(["guest", "11"]);
        var body = JsonNode.Parse(_server.Requests.First(r => r.Method == "PATCH").Body)!;
        body["parameters"]![1]!.ToJsonString().ShouldBe("""{"name":"Device.WiFi.Radio.1.Channel","value":"11","dataType":2}""");
    }

    [Fact]
    public async Task ASetTheDeviceRefuses_Throws520WithTheParameterAndReason_AndChangesNothing()
    {
        var sut = new WebPaClient(_http);

        var refused = await Should.ThrowAsync<WebPaException>(sut.SetAsync(Target(), [
            new WebPaParameter("Device.WiFi.SSID.1.SSID", "guest", WebPaDataType.String),
            new WebPaParameter("Device.DeviceInfo.UpTime", "1", WebPaDataType.UnsignedInt),
        ], default));

        refused.StatusCode.ShouldBe(520);
        refused.Message.ShouldContain("Device.DeviceInfo.UpTime: Parameter is not writable");
        refused.IsTransient.ShouldBeFalse();
        (await sut.GetAsync(Target(), ["Device.WiFi.SSID.1.SSID"], default))[0].Value.ShouldBe("home");
    }

    [Fact]
    public async Task AnUnknownParameter_Throws520NamingIt()
    {
        var refused = await Should.ThrowAsync<WebPaException>(new WebPaClient(_http).GetAsync(Target(), ["Device.Nope"], default));

        refused.StatusCode.ShouldBe(520);
        refused.Message.ShouldContain("Device.Nope: Invalid parameter name");
    }

    [Fact]
    public async Task ADeviceNotConnected_Throws404_WithoutRetrying()
    {
        var before = _server.Requests.Count;

        var refused = await Should.ThrowAsync<WebPaException>(new WebPaClient(_http).GetAsync(Target() with { DeviceId = "mac:aabbccddeeff" }, ["Device.DeviceInfo.UpTime"], default));

        refused.StatusCode.ShouldBe(404);
        refused.Message.ShouldStartWith("The device is not connected (404)");
        (_server.Requests.Count - before).ShouldBe(1);
    }

    [Fact]
    public async Task WrongCredentials_ThrowAnAuthError()
    {
        var refused = await Should.ThrowAsync<WebPaAuthException>(new WebPaClient(_http).GetAsync(
            Target() with { AuthHeader = ("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("drm:wrong"))) },
            ["Device.DeviceInfo.UpTime"], default));

        refused.StatusCode.ShouldBe(401);
    }

    [Fact]
    public async Task ABadDeviceId_IsRefusedByTr1d1umWithItsMessage()
    {
        var refused = await Should.ThrowAsync<WebPaException>(new WebPaClient(_http).GetAsync(Target() with { DeviceId = "mac:xyz" }, ["Device.DeviceInfo.UpTime"], default));

        refused.StatusCode.ShouldBe(400);
        refused.Message.ShouldContain("Invalid deviceID.");
    }

    [Fact]
    public async Task ADeviceTooSlowForXmidt_Gets504_RetriedAsTransient()
    {
        _server.XmidtTimeout = TimeSpan.FromMilliseconds(100);
        _server.AddDevice("mac:001122334455").With("Device.DeviceInfo.UpTime", "1", WebPaDataType.UnsignedInt).Latency = TimeSpan.FromSeconds(1);
        var before = _server.Requests.Count;

        var timedOut = await Should.ThrowAsync<WebPaTimeoutException>(new WebPaClient(_http).GetAsync(
            Target() with { DeviceId = "mac:001122334455", Retries = 2 }, ["Device.DeviceInfo.UpTime"], default));

        timedOut.StatusCode.ShouldBe(504);
        (_server.Requests.Count - before).ShouldBe(3);
    }

    [Fact]
    public async Task AServerSlowerThanTheTimeout_ThrowsATimeout()
    {
        _server.AddDevice("mac:00112233445a").With("Device.DeviceInfo.UpTime", "1", WebPaDataType.UnsignedInt).Latency = TimeSpan.FromSeconds(2);

        var timedOut = await Should.ThrowAsync<WebPaTimeoutException>(new WebPaClient(_http).GetAsync(
            Target() with { DeviceId = "mac:00112233445a", Timeout = TimeSpan.FromMilliseconds(200), Retries = 0 }, ["Device.DeviceInfo.UpTime"], default));

        timedOut.Message.ShouldContain("did not answer within 0.2 s");
    }

    [Fact]
    public async Task NoServerListening_IsReportedAsUnreachable()
    {
        var closed = new Uri("http://127.0.0.1:9/api/v3");

        var failed = await Should.ThrowAsync<WebPaTimeoutException>(new WebPaClient(_http).GetAsync(Target() with { BaseUrl = closed, Retries = 0 }, ["Device.X"], default));

        failed.Message.ShouldContain("unreachable");
    }

    private WebPaTarget Target() => new(_server.BaseUrl, Device, "config")
    {
        AuthHeader = ("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(_server.BasicCredentials!))),
        Timeout = TimeSpan.FromSeconds(5),
    };
}
