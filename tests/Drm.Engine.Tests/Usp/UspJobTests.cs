using Drm.Engine.Credentials;
using Drm.Engine.Devices;
using Drm.Engine.Jobs;
using Drm.Engine.Paging;
using Drm.Engine.Tenancy;
using Drm.Engine.Tr181;
using Drm.Engine.Usp;
using Drm.Mib.Tr181;
using Drm.TestUtils;

namespace Drm.Engine.Tests.Usp;

/// <summary>USP_GET and USP_SET jobs over MQTT (a private mosquitto and the simulated agent) and WebSocket, with the real TR-181 USP model as the catalog.</summary>
public sealed class UspJobTests(EngineDatabaseFixture fixture) : IAsyncLifetime
{
    private const string Agent = "os::012345-0A0B0C0D0E0F";
    private MosquittoServer _broker = null!;
    private UspAgentSimulator _agent = null!;

    public async ValueTask InitializeAsync()
    {
        _broker = await MosquittoServer.StartAsync();
        _agent = (await UspAgentSimulator.StartAsync(_broker.Url, Agent, "usp/agent/0a0b0c0d0e0f"))
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
    public async Task GetAndSetJobs_ReadAndChangeTheAgent_AndLabelValuesWithTheCatalogsTypes()
    {
        await using var engine = await StartAsync();
        var (admin, deviceId) = await DeviceAsync(engine, "mqtt");
        var usp = engine.Get<UspService>();

        var read = await engine.WaitForJobAsync(admin, await usp.EnqueueGetAsync(admin, deviceId, ["Device.DeviceInfo.UpTime", "Device.WiFi.SSID.1."], default));

        read.Status.ShouldBe(JobStatus.Completed, read.ErrorMessage);
        (await engine.ResultRowsAsync(admin, read)).ShouldBe([
            ("Device.DeviceInfo.UpTime", "unsignedInt", "120"),
            ("Device.WiFi.SSID.1.Enable", "boolean", "true"),
            ("Device.WiFi.SSID.1.SSID", "string", "home"),
        ]);

        var set = await engine.WaitForJobAsync(admin, await usp.EnqueueSetAsync(admin, deviceId, [
            new UspSetItem("Device.WiFi.SSID.1.SSID", "guest"), new UspSetItem("Device.WiFi.Radio.1.Channel", "11")], force: false, default));

        set.Status.ShouldBe(JobStatus.Completed, set.ErrorMessage);
        (_agent.Parameters["Device.WiFi.SSID.1.SSID"].Value, _agent.Parameters["Device.WiFi.Radio.1.Channel"].Value).ShouldBe(("guest", "11"));
        (await engine.ResultRowsAsync(admin, set)).ShouldBe([("Device.WiFi.SSID.1.SSID", "string", "guest"), ("Device.WiFi.Radio.1.Channel", "unsignedInt", "11")]);
    }

    [Fact]
    public async Task ASetTheCatalogRefuses_IsRefusedBeforeAnythingIsSent_AndForcedTheAgentsErrorFailsTheJob()
    {
        await using var engine = await StartAsync();
        var (admin, deviceId) = await DeviceAsync(engine, "mqtt");
        var usp = engine.Get<UspService>();
        UspSetItem[] proposed = [new("Device.WiFi.Radio.1.Channel", "eleven"), new("Device.DeviceInfo.UpTime", "1")];

        var refused = await Should.ThrowAsync<DrmException>(() => usp.EnqueueSetAsync(admin, deviceId, proposed, force: false, default));

        refused.Code.ShouldBe(DrmErrorCode.BadUserInput);
        refused.Message.ShouldContain($"Device.WiFi.Radio.1.Channel: {Tr181ErrorCodes.WrongType}");
        refused.Message.ShouldContain($"Device.DeviceInfo.UpTime: {Tr181ErrorCodes.NotWritable}");
        _agent.Requests.ShouldBeEmpty();
        (await engine.Get<JobService>().ListAsync(admin, null, JobKind.UspSet, null, new PageRequest(), default)).TotalCount.ShouldBe(0);

        var forced = await engine.WaitForJobAsync(admin, await usp.EnqueueSetAsync(admin, deviceId, proposed, force: true, default));

        (forced.Status, forced.ErrorType).ShouldBe((JobStatus.Failed, JobErrorTypes.Usp));
        forced.ErrorMessage.ShouldBe(
            "The agent answered error 7004 Invalid arguments — Device.WiFi.Radio.1.Channel: 7012 Invalid value; Device.DeviceInfo.UpTime: 7013 Attempt to update non-writeable parameter");
        _agent.Parameters["Device.WiFi.Radio.1.Channel"].Value.ShouldBe("6");
    }

    [Fact]
    public async Task AnAgentThatDoesNotAnswer_FailsTheJobAsATimeout_AndAnotherTenantCannotReachTheDevice()
    {
        await using var engine = await StartAsync();
        var (admin, deviceId) = await DeviceAsync(engine, "mqtt", timeoutSeconds: 0.5);
        var other = await engine.CreateTenantAsync("other");
        var usp = engine.Get<UspService>();
        _agent.Answering = false;

        var silent = await engine.WaitForJobAsync(admin, await usp.EnqueueGetAsync(admin, deviceId, ["Device.DeviceInfo.UpTime"], default));

        (silent.Status, silent.ErrorType, silent.ErrorMessage).ShouldBe((JobStatus.Failed, JobErrorTypes.UspTimeout, $"The agent {Agent} did not answer within 0.5 s."));
        (await Should.ThrowAsync<DrmException>(() => usp.EnqueueGetAsync(other, deviceId, ["Device.DeviceInfo."], default))).Code.ShouldBe(DrmErrorCode.NotFound);
    }

    [Fact]
    public async Task OverWebSocket_AGetJobReadsTheAgent_AndAnHttpEndpointIsRefusedWithTheReason()
    {
        await using var engine = await StartAsync();
        await using var wsAgent = (await UspWebSocketAgent.StartAsync(Agent)).With("Device.DeviceInfo.UpTime", "99", "unsignedInt");
        var (admin, deviceId) = await DeviceAsync(engine, "websocket", url: wsAgent.Url.ToString());
        var http = await engine.Get<DeviceService>().CreateAsync(admin, new CreateDeviceInput("http-agent", "192.0.2.2"), default);
        await engine.Get<CredentialService>().SetUspAsync(admin, new SetUspEndpointInput(http.Id, Agent, "http", "http://192.0.2.2:8080/usp"), default);

        var read = await engine.WaitForJobAsync(admin, await engine.Get<UspService>().EnqueueGetAsync(admin, deviceId, ["Device.DeviceInfo.UpTime"], default));
        var refused = await Should.ThrowAsync<DrmException>(() => engine.Get<UspService>().EnqueueGetAsync(admin, http.Id, ["Device.DeviceInfo."], default));

        read.Status.ShouldBe(JobStatus.Completed, read.ErrorMessage);
        (await engine.ResultRowsAsync(admin, read)).ShouldBe([("Device.DeviceInfo.UpTime", "unsignedInt", "99")]);
        refused.Code.ShouldBe(DrmErrorCode.BadUserInput);
        refused.Message.ShouldContain("USP has no HTTP MTP to send a job over.");
    }

    private async Task<EngineScope> StartAsync()
    {
        var engine = await fixture.StartEngineAsync(tr181Sources: [TestTr181.UspFull]);
        await engine.Get<Tr181CatalogLoader>().Stored;
        return engine;
    }

    private async Task<(TenantContext Admin, Guid DeviceId)> DeviceAsync(EngineScope engine, string transport, double timeoutSeconds = 5, string? url = null)
    {
        var admin = await engine.CreateTenantAsync("acme");
        var device = await engine.Get<DeviceService>().CreateAsync(admin, new CreateDeviceInput("agent", "192.0.2.1"), default);
        url ??= _broker.Url.ToString();
        await engine.Get<CredentialService>().SetUspAsync(admin, new SetUspEndpointInput(
            device.Id, Agent, transport, url, transport == "mqtt" ? _agent.Topic : null, TimeoutSeconds: timeoutSeconds), default);
        return (admin, device.Id);
    }
}
