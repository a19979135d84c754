using Drm.Protocols.Usp;
using Drm.Protocols.Usp.Wire;
using Drm.TestUtils;

namespace Drm.Protocols.Tests.Usp;

/// <summary>The USP controller over MQTT (a private mosquitto and the simulated agent) and over WebSocket (the agent as a WebSocket server).</summary>
public sealed class UspClientTests : IAsyncLifetime
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
        var values = await new UspClient().GetAsync(Target(), ["Device.DeviceInfo.UpTime", "Device.WiFi.SSID.1."], default);

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
        var updated = await new UspClient().SetAsync(Target(), [
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
        var refused = await Should.ThrowAsync<UspException>(new UspClient().SetAsync(Target(), [
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
        var refused = await Should.ThrowAsync<UspException>(new UspClient().GetAsync(Target(), ["Device.Nope."], default));

        refused.ErrorCode.ShouldBe(7026u);
        refused.Message.ShouldBe("The agent refused the Get: Device.Nope.: 7026 Invalid path Device.Nope.");
    }

    [Fact]
    public async Task AnAgentThatDoesNotAnswer_TimesOut()
    {
        _agent.Answering = false;

        var timedOut = await Should.ThrowAsync<UspTimeoutException>(new UspClient().GetAsync(Target() with { Timeout = TimeSpan.FromMilliseconds(500) }, ["Device.DeviceInfo.UpTime"], default));

        timedOut.Message.ShouldBe($"The agent {Agent} did not answer within 0.5 s.");
    }

    [Fact]
    public async Task ABrokerThatRefusesOurCredentials_OrIsNotThere_IsReportedAsSuch()
    {
        await using var guarded = await MosquittoServer.StartAsync(("drm", "s3cret"));

        var refused = await Should.ThrowAsync<UspException>(new UspClient().GetAsync(
            Target() with { Url = guarded.Url, Credentials = ("drm", "wrong"), Timeout = TimeSpan.FromSeconds(3) }, ["Device.DeviceInfo.UpTime"], default));
        var unreachable = await Should.ThrowAsync<UspTimeoutException>(new UspClient().GetAsync(
            Target() with { Url = new Uri("mqtt://127.0.0.1:9"), Timeout = TimeSpan.FromSeconds(3) }, ["Device.DeviceInfo.UpTime"], default));

        refused.Message.ShouldStartWith($"The broker 127.0.0.1:{guarded.Port} refused the connection");
        unreachable.Message.ShouldStartWith("The broker 127.0.0.1:9 is unreachable");
    }

    [Fact]
    public async Task OverWebSocket_GetAndSet_TravelAsBinaryRecordsOnV1Usp_WithOurEndpointIdInTheExtension()
    {
        await using var agent = (await UspWebSocketAgent.StartAsync(Agent, "drm:s3cret"))
            .With("Device.WiFi.SSID.2.SSID", "office", "string", writable: true)
            .With("Device.DeviceInfo.UpTime", "7", "unsignedInt");
        var target = new UspTarget(agent.Url, Agent, Controller) { Credentials = ("drm", "s3cret"), Timeout = TimeSpan.FromSeconds(5) };

        (await new UspClient().GetAsync(target, ["Device.WiFi.SSID.2."], default)).ShouldBe([new UspParameter("Device.WiFi.SSID.2.SSID", "office")]);
        await new UspClient().SetAsync(target, [new UspParameter("Device.WiFi.SSID.2.SSID", "office-2")], default);
        var refused = await Should.ThrowAsync<UspException>(new UspClient().SetAsync(target, [new UspParameter("Device.DeviceInfo.UpTime", "1")], default));

        agent.Model.Parameters["Device.WiFi.SSID.2.SSID"].Value.ShouldBe("office-2");
        refused.Message.ShouldBe("The agent answered error 7004 Invalid arguments — Device.DeviceInfo.UpTime: 7013 Attempt to update non-writeable parameter");
        agent.Extensions.ShouldAllBe(e => e == $"bbf-usp-protocol; eid=\"{Controller}\"");
        agent.Model.Received.ShouldBe([Header.Types.MsgType.Get, Header.Types.MsgType.Set, Header.Types.MsgType.Set]);
    }

    [Fact]
    public async Task OverWebSocket_WrongCredentials_AndNoServer_AreReportedAsSuch()
    {
        await using var agent = await UspWebSocketAgent.StartAsync(Agent, "drm:s3cret");

        var refused = await Should.ThrowAsync<UspException>(new UspClient().GetAsync(
            new UspTarget(agent.Url, Agent, Controller) { Credentials = ("drm", "wrong") }, ["Device.DeviceInfo.UpTime"], default));
        var unreachable = await Should.ThrowAsync<UspTimeoutException>(new UspClient().GetAsync(
            new UspTarget(new Uri("ws://127.0.0.1:9/usp"), Agent, Controller), ["Device.DeviceInfo.UpTime"], default));

        refused.Message.ShouldBe($"The agent's WebSocket server at {agent.Url.Authority} refused our credentials (401).");
        unreachable.Message.ShouldStartWith("The agent's WebSocket server at 127.0.0.1:9 is unreachable");
    }

    private UspTarget Target() => new(_broker.Url, Agent, Controller) { AgentTopic = _agent.Topic, Timeout = TimeSpan.FromSeconds(5) };
}
