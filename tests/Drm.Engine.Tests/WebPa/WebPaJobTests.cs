using System.Text.Json.Nodes;
using Drm.Engine.Credentials;
using Drm.Engine.Devices;
using Drm.Engine.Jobs;
using Drm.Engine.Paging;
using Drm.Engine.Tenancy;
using Drm.Engine.Tr181;
using Drm.Engine.WebPa;
using Drm.Mib.Tr181;
using Drm.Protocols.WebPa;
using Drm.TestUtils;

namespace Drm.Engine.Tests.WebPa;

/// <summary>WEBPA_GET and WEBPA_SET jobs against the Tr1d1um test server, with the real TR-181 model as the catalog.</summary>
public sealed class WebPaJobTests(EngineDatabaseFixture fixture) : IAsyncLifetime
{
    private const string Cpe = "mac:112233445566";
    private Tr1d1umServer _tr1d1um = null!;
    private Tr1d1umDevice _device = null!;

    public async ValueTask InitializeAsync()
    {
        _tr1d1um = await Tr1d1umServer.StartAsync("drm:s3cret");
        _device = _tr1d1um.AddDevice(Cpe)
            .With("Device.DeviceInfo.Manufacturer", "Acme", WebPaDataType.String)
            .With("Device.DeviceInfo.UpTime", "86400", WebPaDataType.UnsignedInt)
            .With("Device.WiFi.SSID.1.SSID", "home", WebPaDataType.String, writable: true)
            .With("Device.WiFi.SSID.1.Enable", "true", WebPaDataType.Boolean, writable: true)
            .With("Device.WiFi.Radio.1.Channel", "6", WebPaDataType.UnsignedInt, writable: true);
    }

    public async ValueTask DisposeAsync() => await _tr1d1um.DisposeAsync();

    [Fact]
    public async Task GetAndSetJobs_ReadAndChangeTheDevice_SendingTheCatalogsDataTypes()
    {
        await using var engine = await StartAsync();
        var (admin, deviceId) = await DeviceAsync(engine, "drm", "s3cret");
        var webPa = engine.Get<WebPaService>();

        var read = await engine.WaitForJobAsync(admin, await webPa.EnqueueGetAsync(admin, deviceId, ["Device.DeviceInfo.UpTime", "Device.WiFi.SSID.1."], default));

        read.Status.ShouldBe(JobStatus.Completed, read.ErrorMessage);
        (await engine.ResultRowsAsync(admin, read)).ShouldBe([
            ("Device.DeviceInfo.UpTime", "unsignedInt", "86400"),
            ("Device.WiFi.SSID.1.Enable", "boolean", "true"),
            ("Device.WiFi.SSID.1.SSID", "string", "home"),
        ]);

        var set = await engine.WaitForJobAsync(admin, await webPa.EnqueueSetAsync(admin, deviceId, [
            new WebPaSetItem("Device.WiFi.SSID.1.SSID", "guest"),
            new WebPaSetItem("Device.WiFi.Radio.1.Channel", "11"),
        ], force: false, default));

        set.Status.ShouldBe(JobStatus.Completed, set.ErrorMessage);
        set.ItemsDone.ShouldBe(2);
        _device.Parameters["Device.WiFi.SSID.1.SSID"].Value.ShouldBe("guest");
        _device.Parameters["Device.WiFi.Radio.1.Channel"].Value.ShouldBe("11");
        var sent = JsonNode.Parse(_tr1d1um.Requests.Single(r => r.Method == "PATCH").Body)!["parameters"]!.AsArray();
        sent.Select(p => p!["dataType"]!.GetValue<int>()).ShouldBe([(int)WebPaDataType.String, (int)WebPaDataType.UnsignedInt]);
        (await engine.ResultRowsAsync(admin, set)).ShouldBe([("Device.WiFi.SSID.1.SSID", "string", "guest"), ("Device.WiFi.Radio.1.Channel", "unsignedInt", "11")]);
    }

    [Fact]
    public async Task ASetTheCatalogRefuses_IsRefusedWithEveryError_BeforeAnythingIsQueuedOrSent_UnlessForced()
    {
        await using var engine = await StartAsync();
        var (admin, deviceId) = await DeviceAsync(engine, "drm", "s3cret");
        var webPa = engine.Get<WebPaService>();
        WebPaSetItem[] proposed =
        [
            new("Device.WiFi.SSID.1.SSID", new string('x', 33)),
            new("Device.WiFi.Radio.1.Channel", "eleven"),
            new("Device.DeviceInfo.UpTime", "1"),
        ];

        var refused = await Should.ThrowAsync<DrmException>(() => webPa.EnqueueSetAsync(admin, deviceId, proposed, force: false, default));

        refused.Code.ShouldBe(DrmErrorCode.BadUserInput);
        refused.Message.ShouldStartWith("3 of 3 values are refused by the TR-181 model");
        refused.Message.ShouldContain($"Device.WiFi.SSID.1.SSID: {Tr181ErrorCodes.WrongLength}");
        refused.Message.ShouldContain($"Device.WiFi.Radio.1.Channel: {Tr181ErrorCodes.WrongType}");
        refused.Message.ShouldContain($"Device.DeviceInfo.UpTime: {Tr181ErrorCodes.NotWritable}");
        (await engine.Get<JobService>().ListAsync(admin, null, JobKind.WebPaSet, null, new PageRequest(), default)).TotalCount.ShouldBe(0);
        _tr1d1um.Requests.ShouldNotContain(r => r.Method == "PATCH");

        // Forced, the values go to the device, which has the last word: it refuses the read-only one, and sets nothing.
        var forced = await engine.WaitForJobAsync(admin, await webPa.EnqueueSetAsync(admin, deviceId, proposed, force: true, default));

        forced.Status.ShouldBe(JobStatus.Failed);
        forced.ErrorType.ShouldBe(JobErrorTypes.WebPa);
        forced.ErrorMessage.ShouldBe("The device failed the request (520): Device.WiFi.Radio.1.Channel: Invalid parameter value");
        _tr1d1um.Requests.Count(r => r.Method == "PATCH").ShouldBe(1);
        _device.Parameters["Device.WiFi.SSID.1.SSID"].Value.ShouldBe("home");
    }

    [Fact]
    public async Task WhatTr1d1umOrTheDeviceSays_FailsTheJobWithAStableErrorType()
    {
        await using var engine = await StartAsync();
        var (admin, deviceId) = await DeviceAsync(engine, "drm", "wrong");
        var webPa = engine.Get<WebPaService>();
        var credentials = engine.Get<CredentialService>();
        _tr1d1um.XmidtTimeout = TimeSpan.FromMilliseconds(100);

        var unauthorized = await engine.WaitForJobAsync(admin, await webPa.EnqueueGetAsync(admin, deviceId, ["Device.DeviceInfo.UpTime"], default));
        await credentials.SetWebPaAsync(admin, new SetWebPaEndpointInput(
            deviceId, _tr1d1um.BaseUrl.ToString(), "mac:aabbccddeeff", new EndpointAuthInput("basic", "drm", "s3cret"), TimeoutSeconds: 2), default);
        var offline = await engine.WaitForJobAsync(admin, await webPa.EnqueueGetAsync(admin, deviceId, ["Device.DeviceInfo.UpTime"], default));
        _device.Latency = TimeSpan.FromSeconds(1);
        await credentials.SetWebPaAsync(admin, new SetWebPaEndpointInput(
            deviceId, _tr1d1um.BaseUrl.ToString(), Cpe, new EndpointAuthInput("basic", "drm"), TimeoutSeconds: 2), default);
        var slow = await engine.WaitForJobAsync(admin, await webPa.EnqueueGetAsync(admin, deviceId, ["Device.DeviceInfo.UpTime"], default));
        _device.Latency = TimeSpan.Zero;
        var unknown = await engine.WaitForJobAsync(admin, await webPa.EnqueueGetAsync(admin, deviceId, ["Device.X_ACME_Nothing"], default));

        (unauthorized.Status, unauthorized.ErrorType).ShouldBe((JobStatus.Failed, JobErrorTypes.WebPaAuth));
        unauthorized.ErrorMessage.ShouldStartWith("127.0.0.1 refused the request (401)");
        (offline.Status, offline.ErrorType, offline.ErrorMessage).ShouldBe((JobStatus.Failed, JobErrorTypes.WebPa, "The device is not connected (404): Device not found."));
        (slow.Status, slow.ErrorType, slow.ErrorMessage).ShouldBe((JobStatus.Failed, JobErrorTypes.WebPaTimeout, "The device did not answer in time (504): Timed out waiting for the device."));
        (unknown.Status, unknown.ErrorType, unknown.ErrorMessage).ShouldBe((JobStatus.Failed, JobErrorTypes.WebPa, "The device failed the request (520): Device.X_ACME_Nothing: Invalid parameter name"));
    }

    [Fact]
    public async Task BadRequests_AreRefusedWithAStableCode_AndNothingIsQueued()
    {
        await using var engine = await StartAsync();
        var admin = await engine.CreateTenantAsync("plain");
        var bare = await engine.Get<DeviceService>().CreateAsync(admin, new CreateDeviceInput("bare", "192.0.2.7"), default);
        var webPa = engine.Get<WebPaService>();

        async Task<DrmException> RefusedAsync(Func<Task> enqueue) => await Should.ThrowAsync<DrmException>(enqueue);

        (await RefusedAsync(() => webPa.EnqueueGetAsync(admin, bare.Id, ["Device.DeviceInfo.UpTime"], default)))
            .Message.ShouldBe("The device has no WebPA endpoint; set one with setWebpaEndpoint first.");
        (await RefusedAsync(() => webPa.EnqueueGetAsync(admin, bare.Id, [], default))).Code.ShouldBe(DrmErrorCode.BadUserInput);
        (await RefusedAsync(() => webPa.EnqueueGetAsync(admin, bare.Id, ["Device.A,Device.B"], default))).Message.ShouldContain("is not a TR-181 path");
        (await RefusedAsync(() => webPa.EnqueueGetAsync(admin, bare.Id, ["InternetGatewayDevice.DeviceInfo."], default))).Code.ShouldBe(DrmErrorCode.BadUserInput);
        (await RefusedAsync(() => webPa.EnqueueSetAsync(admin, bare.Id, [new("Device.WiFi.", "x")], false, default))).Message.ShouldContain("names an object");
        (await RefusedAsync(() => webPa.EnqueueSetAsync(admin, bare.Id, [new("Device.WiFi.SSID.1.SSID", "a"), new("Device.WiFi.SSID.1.SSID", "b")], false, default)))
            .Message.ShouldContain("more than once");
        (await RefusedAsync(() => webPa.EnqueueGetAsync(admin, Guid.NewGuid(), ["Device.DeviceInfo.UpTime"], default))).Code.ShouldBe(DrmErrorCode.NotFound);
        (await engine.Get<JobService>().ListAsync(admin, null, null, null, new PageRequest(), default)).TotalCount.ShouldBe(0);
    }

    private async Task<EngineScope> StartAsync()
    {
        var engine = await fixture.StartEngineAsync(tr181Sources: [TestTr181.UspFull]);
        await engine.Get<Tr181CatalogLoader>().Stored;
        return engine;
    }

    private async Task<(TenantContext Admin, Guid DeviceId)> DeviceAsync(EngineScope engine, string user, string password)
    {
        var admin = await engine.CreateTenantAsync("acme");
        var device = await engine.Get<DeviceService>().CreateAsync(admin, new CreateDeviceInput("gw", "192.0.2.1"), default);
        await engine.Get<CredentialService>().SetWebPaAsync(admin, new SetWebPaEndpointInput(
            device.Id, _tr1d1um.BaseUrl.ToString(), Cpe, new EndpointAuthInput("basic", user, password), TimeoutSeconds: 2), default);
        return (admin, device.Id);
    }
}
