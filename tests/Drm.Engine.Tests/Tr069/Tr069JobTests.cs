using Drm.Engine.Credentials;
using Drm.Engine.Devices;
using Drm.Engine.Jobs;
using Drm.Engine.Paging;
using Drm.Engine.Tenancy;
using Drm.Engine.Tr069;
using Drm.Engine.Tr181;
using Drm.Mib.Tr181;
using Drm.TestUtils;

namespace Drm.Engine.Tests.Tr069;

/// <summary>TR069_GET and TR069_SET jobs through the GenieACS test server, with the real TR-181 CWMP model as the catalog.</summary>
public sealed class Tr069JobTests(EngineDatabaseFixture fixture) : IAsyncLifetime
{
    private const string Cpe = "202BC1-BM632w-000042";
    private GenieAcsServer _acs = null!;
    private GenieAcsDevice _device = null!;

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

    public async ValueTask DisposeAsync() => await _acs.DisposeAsync();

    [Fact]
    public async Task GetAndSetJobs_ReadAndChangeTheCpe_SendingTheCatalogsTypes()
    {
        await using var engine = await StartAsync();
        var (admin, deviceId) = await DeviceAsync(engine);
        var tr069 = engine.Get<Tr069Service>();

        var read = await engine.WaitForJobAsync(admin, await tr069.EnqueueGetAsync(admin, deviceId, ["Device.DeviceInfo.UpTime", "Device.WiFi.SSID.1."], default));

        read.Status.ShouldBe(JobStatus.Completed, read.ErrorMessage);
        (await engine.ResultRowsAsync(admin, read)).ShouldBe([
            ("Device.DeviceInfo.UpTime", "unsignedInt", "3600"),
            ("Device.WiFi.SSID.1.Enable", "boolean", "true"),
            ("Device.WiFi.SSID.1.SSID", "string", "home"),
        ]);

        var set = await engine.WaitForJobAsync(admin, await tr069.EnqueueSetAsync(admin, deviceId, [
            new Tr069SetItem("Device.WiFi.SSID.1.SSID", "guest"),
            new Tr069SetItem("Device.ManagementServer.PeriodicInformInterval", "60"),
        ], force: false, default));

        set.Status.ShouldBe(JobStatus.Completed, set.ErrorMessage);
        _device.Parameters["Device.WiFi.SSID.1.SSID"].Value.ShouldBe("guest");
        _device.Parameters["Device.ManagementServer.PeriodicInformInterval"].Value.ShouldBe("60");
        _acs.Requests.Single(r => r.Method == "POST" && r.Body.Contains("setParameterValues", StringComparison.Ordinal)).Body
            .ShouldBe("""{"name":"setParameterValues","parameterValues":[["Device.WiFi.SSID.1.SSID","guest","xsd:string"],["Device.ManagementServer.PeriodicInformInterval","60","xsd:unsignedInt"]]}""");
        (await engine.ResultRowsAsync(admin, set)).ShouldBe([
            ("Device.WiFi.SSID.1.SSID", "string", "guest"), ("Device.ManagementServer.PeriodicInformInterval", "unsignedInt", "60")]);
    }

    [Fact]
    public async Task ASetTheCatalogRefuses_IsRefusedBeforeAnythingIsQueued_AndForcedTheCpesFaultFailsTheJob()
    {
        await using var engine = await StartAsync();
        var (admin, deviceId) = await DeviceAsync(engine);
        var tr069 = engine.Get<Tr069Service>();
        Tr069SetItem[] proposed = [new("Device.ManagementServer.PeriodicInformInterval", "0"), new("Device.DeviceInfo.UpTime", "1")];

        var refused = await Should.ThrowAsync<DrmException>(() => tr069.EnqueueSetAsync(admin, deviceId, proposed, force: false, default));

        refused.Code.ShouldBe(DrmErrorCode.BadUserInput);
        refused.Message.ShouldContain($"Device.ManagementServer.PeriodicInformInterval: {Tr181ErrorCodes.OutOfRange}");
        refused.Message.ShouldContain($"Device.DeviceInfo.UpTime: {Tr181ErrorCodes.NotWritable}");
        (await engine.Get<JobService>().ListAsync(admin, null, JobKind.Tr069Set, null, new PageRequest(), default)).TotalCount.ShouldBe(0);
        _acs.Requests.ShouldBeEmpty();

        var forced = await engine.WaitForJobAsync(admin, await tr069.EnqueueSetAsync(admin, deviceId, proposed, force: true, default));

        (forced.Status, forced.ErrorType).ShouldBe((JobStatus.Failed, JobErrorTypes.Tr069Fault));
        forced.ErrorMessage.ShouldBe("The CPE faulted (cwmp.9003): Invalid arguments — Device.DeviceInfo.UpTime: 9008 Attempt to set a non-writable parameter");
        _device.Parameters["Device.ManagementServer.PeriodicInformInterval"].Value.ShouldBe("300");
        _acs.PendingTasks.ShouldBeEmpty();
        _acs.Faults.ShouldBeEmpty();
    }

    [Fact]
    public async Task AnOfflineCpe_AndAnUnknownOne_FailTheJobWithAStableErrorType()
    {
        await using var engine = await StartAsync(connectionRequestTimeout: TimeSpan.FromMilliseconds(400));
        var (admin, deviceId) = await DeviceAsync(engine);
        var tr069 = engine.Get<Tr069Service>();
        _device.Online = false;

        var offline = await engine.WaitForJobAsync(admin, await tr069.EnqueueGetAsync(admin, deviceId, ["Device.DeviceInfo.UpTime"], default));
        await engine.Get<CredentialService>().SetTr069Async(admin, new SetTr069EndpointInput(deviceId, _acs.BaseUrl.ToString(), "000000-Gone-1"), default);
        var unknown = await engine.WaitForJobAsync(admin, await tr069.EnqueueGetAsync(admin, deviceId, ["Device.DeviceInfo.UpTime"], default));

        (offline.Status, offline.ErrorType).ShouldBe((JobStatus.Failed, JobErrorTypes.Tr069Timeout));
        offline.ErrorMessage.ShouldBe("The CPE did not answer the connection request within 0.4 s; the task was withdrawn.");
        _acs.PendingTasks.ShouldBeEmpty();
        (unknown.Status, unknown.ErrorType, unknown.ErrorMessage).ShouldBe((JobStatus.Failed, JobErrorTypes.Tr069, "The ACS has no such device (404): No such device"));
    }

    [Fact]
    public async Task BadRequests_AreRefusedWithAStableCode_AndNothingIsQueued()
    {
        await using var engine = await StartAsync();
        var admin = await engine.CreateTenantAsync("plain");
        var bare = await engine.Get<DeviceService>().CreateAsync(admin, new CreateDeviceInput("bare", "192.0.2.7"), default);
        var tr069 = engine.Get<Tr069Service>();

        (await Should.ThrowAsync<DrmException>(() => tr069.EnqueueGetAsync(admin, bare.Id, ["Device.DeviceInfo."], default)))
            .Message.ShouldBe("The device has no TR-069 endpoint; set one with setTr069Endpoint first.");
        (await Should.ThrowAsync<DrmException>(() => tr069.EnqueueSetAsync(admin, bare.Id, [new("Device.WiFi.SSID.1.SSID", "x", "xsd:nonsense")], true, default)))
            .Message.ShouldContain("parameters[0].type: 'xsd:nonsense' is not one of");
        (await Should.ThrowAsync<DrmException>(() => tr069.EnqueueSetAsync(admin, bare.Id, [], false, default))).Code.ShouldBe(DrmErrorCode.BadUserInput);
        (await Should.ThrowAsync<DrmException>(() => tr069.EnqueueGetAsync(admin, bare.Id, ["Device.A B"], default))).Code.ShouldBe(DrmErrorCode.BadUserInput);
        (await engine.Get<JobService>().ListAsync(admin, null, null, null, new PageRequest(), default)).TotalCount.ShouldBe(0);
    }

    private async Task<EngineScope> StartAsync(TimeSpan? connectionRequestTimeout = null)
    {
        var engine = await fixture.StartEngineAsync(
            tr181Sources: [TestTr181.CwmpFull],
            tr069: new Drm.Protocols.Tr069.Tr069ClientOptions { ConnectionRequestTimeout = connectionRequestTimeout ?? TimeSpan.FromSeconds(5) });
        await engine.Get<Tr181CatalogLoader>().Stored;
        return engine;
    }

    private async Task<(TenantContext Admin, Guid DeviceId)> DeviceAsync(EngineScope engine)
    {
        var admin = await engine.CreateTenantAsync("acme");
        var device = await engine.Get<DeviceService>().CreateAsync(admin, new CreateDeviceInput("cpe", "192.0.2.1"), default);
        await engine.Get<CredentialService>().SetTr069Async(admin, new SetTr069EndpointInput(device.Id, _acs.BaseUrl.ToString(), Cpe, TimeoutSeconds: 5), default);
        return (admin, device.Id);
    }
}
