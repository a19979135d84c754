using Drm.Protocols.WebPa;
using Drm.TestUtils;

namespace Drm.GraphQL.Tests.WebPa;

/// <summary>WebPA jobs through the API: the server's global TR-181 catalog checks each set before it is queued.</summary>
public sealed class WebPaApiTests(ServerFixture server) : IAsyncLifetime
{
    private const string Set = "mutation($i: EnqueueWebpaSetInput!) { enqueueWebpaSet(input: $i) { id kind status } }";
    private Tr1d1umServer _tr1d1um = null!;
    private Tr1d1umDevice _device = null!;

    public async ValueTask InitializeAsync()
    {
        _tr1d1um = await Tr1d1umServer.StartAsync();
        _device = _tr1d1um.AddDevice("mac:a0b1c2d3e4f5")
            .With("Device.DeviceInfo.UpTime", "42", WebPaDataType.UnsignedInt)
            .With("Device.WiFi.SSID.2.SSID", "lab", WebPaDataType.String, writable: true)
            .With("Device.WiFi.SSID.2.Enable", "false", WebPaDataType.Boolean, writable: true);
    }

    public async ValueTask DisposeAsync() => await _tr1d1um.DisposeAsync();

    [Fact]
    public async Task AnOperator_ReadsAndSetsParameters_AndTheJobsCarryTheValues()
    {
        var deviceId = await DeviceAsync();

        var get = await server.PostAsync("mutation($i: EnqueueWebpaGetInput!) { enqueueWebpaGet(input: $i) { id kind } }",
            new { i = new { deviceId, names = new[] { "Device.WiFi.SSID.2.", "Device.DeviceInfo.UpTime" } } }, server.Alpha.OperatorToken);
        get.Data("enqueueWebpaGet")["kind"]!.GetValue<string>().ShouldBe("WEBPA_GET");
        var read = await server.WaitForJobAsync(get.Data("enqueueWebpaGet")["id"]!.GetValue<string>(), server.Alpha.ViewerToken);

        read["status"]!.GetValue<string>().ShouldBe("COMPLETED", read.ToJsonString());
        read["results"]!["edges"]!.AsArray().Select(e => $"{e!["node"]!["oid"]} {e["node"]!["type"]} {e["node"]!["value"]}")
            .ShouldBe(["Device.WiFi.SSID.2.Enable boolean false", "Device.WiFi.SSID.2.SSID string lab", "Device.DeviceInfo.UpTime unsignedInt 42"]);

        var wifi = await server.PostAsync("query($id: ID!) { job(id: $id) { results(oidPrefix: \"Device.WiFi.SSID.2.\") { totalCount edges { node { oid name } } } } }",
            new { id = get.Data("enqueueWebpaGet")["id"]!.GetValue<string>() }, server.Alpha.ViewerToken);
        wifi.Data("job")["results"]!["totalCount"]!.GetValue<int>().ShouldBe(2);
        wifi.Data("job")["results"]!["edges"]![0]!["node"]!["name"].ShouldBeNull();

        var set = await server.PostAsync(Set, new
        {
            i = new { deviceId, parameters = new object[] { new { name = "Device.WiFi.SSID.2.Enable", value = "true" }, new { name = "Device.WiFi.SSID.2.SSID", value = "lab-5g", dataType = "STRING" } } },
        }, server.Alpha.OperatorToken);
        var written = await server.WaitForJobAsync(set.Data("enqueueWebpaSet")["id"]!.GetValue<string>(), server.Alpha.ViewerToken);

        written["status"]!.GetValue<string>().ShouldBe("COMPLETED", written.ToJsonString());
        (_device.Parameters["Device.WiFi.SSID.2.Enable"].Value, _device.Parameters["Device.WiFi.SSID.2.SSID"].Value).ShouldBe(("true", "lab-5g"));
    }

    [Fact]
    public async Task ASetTheCatalogRefuses_IsBadUserInput_UntilForced()
    {
        var deviceId = await DeviceAsync();
        var input = new { deviceId, parameters = new[] { new { name = "Device.WiFi.SSID.2.Enable", value = "maybe" } } };

        var refused = await server.PostAsync(Set, new { i = input }, server.Alpha.OperatorToken);

        refused.Code.ShouldBe("BAD_USER_INPUT");
        refused.Errors![0]!["message"]!.GetValue<string>().ShouldContain("Device.WiFi.SSID.2.Enable: WRONG_TYPE");
        _tr1d1um.Requests.ShouldNotContain(r => r.Method == "PATCH");

        var forced = await server.PostAsync(Set, new { i = new { input.deviceId, input.parameters, force = true } }, server.Alpha.OperatorToken);
        var failed = await server.WaitForJobAsync(forced.Data("enqueueWebpaSet")["id"]!.GetValue<string>(), server.Alpha.ViewerToken);

        failed["status"]!.GetValue<string>().ShouldBe("FAILED");
        failed["errorType"]!.GetValue<string>().ShouldBe("WebPAError");
        failed["errorMessage"]!.GetValue<string>().ShouldContain("Device.WiFi.SSID.2.Enable: Invalid parameter value");
        (await server.PostAsync(Set, new { i = input }, server.Alpha.ViewerToken)).Code.ShouldBe("FORBIDDEN");
    }

    private async Task<string> DeviceAsync()
    {
        var deviceId = (await server.PostAsync("mutation($i: CreateDeviceInput!) { createDevice(input: $i) { id } }",
            new { i = new { name = $"webpa-{Guid.NewGuid():N}", address = "192.0.2.9" } }, server.Alpha.AdminToken)).Data("createDevice")["id"]!.GetValue<string>();
        (await server.PostAsync("mutation($i: SetWebpaEndpointInput!) { setWebpaEndpoint(input: $i) { cpeId } }",
            new { i = new { deviceId, baseUrl = _tr1d1um.BaseUrl.ToString(), cpeId = "mac:a0b1c2d3e4f5", timeout = 5.0 } }, server.Alpha.AdminToken)).Errors.ShouldBeNull();
        return deviceId;
    }
}
