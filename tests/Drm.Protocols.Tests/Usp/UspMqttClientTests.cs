using Drm.Protocols.Usp;
using Drm.Protocols.Usp.Wire;
using Drm.TestUtils;

namespace Drm.Protocols.Tests.Usp;

/// <summary>The USP controller against a private mosquitto broker and the simulated agent.</summary>
public sealed class UspMqttClientTests : IAsyncLifetime
{
    private const string Agent = "os::012345-AABBCCDDEEFF";
    private const string Controller = "self::drm-test";
    private MosquittoServer _broker = null!;
    private UspAgentSimulator _agent = null!;

    public async ValueTask InitializeAsync()
    {
        _broker = await MosquittoServer.StartAsync();
        _agent = (await UspAgentSimulator.StartAsync(_broker.Url, Agent, "usp/agent/aabbccddeeff"))
            .With("Device.DeviceInfo.SoftwareVersion", "2.0.1", "string")
            .With("Device.DeviceInfo.UpTime", "120", "unsignedInt")
            .With("Device.WiFi.SSID.1.SSID", "home", "string", writable: true)
            .With("Device.WiFi.SSID.1.Enable", "true", "boolean", writable: true)
            .With("Device.WiFi.Radio.1.Channel", "6", "unsignedInt", writable: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task Get_ReturnsParametersAndWholeObjects_OverMqtt5WithTheUspContentTypeAndAResponseTopic()
    {
        var values = await new UspMqttClient().GetAsync(Target(), ["Device.DeviceInfo.UpTime", "Device.WiFi.SSID.1."], default);

        values.ShouldBe([
            new UspParameter("Device.DeviceInfo.UpTime", "120"),
            new UspParameter("Device.WiFi.SSID.1.Enable", "true"),
            new UspParameter("Device.WiFi.SSID.1.SSID", "home"),
        ]);
        _agent.Requests.TryPeek(out var request).ShouldBeTrue();
        request.Type.ShouldBe(Header.Types.MsgType.Get);
        request.ContentType.ShouldBe("usp.msg");
        request.ResponseTopic.ShouldStartWith("usp/controller/self::drm-test/");
    }

    [Fact]
    public async Task Set_UpdatesEveryParameterInOneMessage_AndReturnsWhatTheAgentUpdated()
    {
        var updated = await new UspMqttClient().SetAsync(Target(), [
            new UspParameter("Device.WiFi.SSID.1.SSID", "guest"),
            new UspParameter("Device.WiFi.Radio.1.Channel", "11"),
        ], default);

        updated.ShouldBe([new UspParameter("Device.WiFi.SSID.1.SSID", "guest"), new UspParameter("Device.WiFi.Radio.1.Channel", "11")], ignoreOrder: true);
        _agent.Parameters["Device.WiFi.SSID.1.SSID"].Value.ShouldBe("guest");
        _agent.Requests.Single().Type.ShouldBe(Header.Types.MsgType.Set);
    }

    [Fact]
    public async Task ASetTheAgentRefuses_ThrowsItsErrorWithEachParameter_AndAppliesNothing()
    {
        var refused = await Should.ThrowAsync<UspException>(new UspMqttClient().SetAsync(Target(), [
            new UspParameter("Device.WiFi.SSID.1.SSID", "guest"),
            new UspParameter("Device.DeviceInfo.UpTime", "1"),
        ], default));

        refused.ErrorCode.ShouldBe(7004u);
        refused.Message.ShouldBe("The agent answered error 7004 Invalid arguments — Device.DeviceInfo.UpTime: 7013 Attempt to update non-writeable parameter");
        _agent.Parameters["Device.WiFi.SSID.1.SSID"].Value.ShouldBe("home");
    }

    [Fact]
    public async Task AGetOfAnUnknownPath_Throws7026()
    {
        var refused = await Should.ThrowAsync<UspException>(new UspMqttClient().GetAsync(Target(), ["Device.Nope."], default));

        refused.ErrorCode.ShouldBe(7026u);
        refused.Message.ShouldBe("The agent refused the Get: Device.Nope.: 7026 Invalid path Device.Nope.");
    }

    [Fact]
    public async Task AnAgentThatDoesNotAnswer_TimesOut()
    {
        _agent.Answering = false;

        var timedOut = await Should.ThrowAsync<UspTimeoutException>(new UspMqttClient().GetAsync(Target() with { Timeout = TimeSpan.FromMilliseconds(500) }, ["Device.DeviceInfo.UpTime"], default));

        timedOut.Message.ShouldBe($"The agent {Agent} did not answer within 0.5 s.");
    }

    [Fact]
    public async Task ABrokerThatRefusesOurCredentials_OrIsNotThere_IsReportedAsSuch()
    {
        await using var guarded = await MosquittoServer.StartAsync(("drm", "s3cret"));

        var refused = await Should.ThrowAsync<UspException>(new UspMqttClient().GetAsync(
            Target() with { BrokerUrl = guarded.Url, Credentials = ("drm", "wrong"), Timeout = TimeSpan.FromSeconds(3) }, ["Device.DeviceInfo.UpTime"], default));
        var unreachable = await Should.ThrowAsync<UspTimeoutException>(new UspMqttClient().GetAsync(
            Target() with { BrokerUrl = new Uri("mqtt://127.0.0.1:9"), Timeout = TimeSpan.FromSeconds(3) }, ["Device.DeviceInfo.UpTime"], default));

        refused.Message.ShouldStartWith($"The broker 127.0.0.1:{guarded.Port} refused the connection");
        unreachable.Message.ShouldStartWith("The broker 127.0.0.1:9 is unreachable");
    }

    private UspTarget Target() => new(_broker.Url, Agent, _agent.Topic, Controller) { Timeout = TimeSpan.FromSeconds(5) };
}
