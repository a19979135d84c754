using Drm.TestUtils;

namespace Drm.GraphQL.Tests.Tr069;

/// <summary>TR-069 jobs through the API, against the GenieACS test server; the server's TR-181 catalog checks each set.</summary>
public sealed class Tr069ApiTests(ServerFixture server) : IAsyncLifetime
{
    private const string Set = "mutation($i: EnqueueTr069SetInput!) { enqueueTr069Set(input: $i) { id kind } }";
    private const string Cpe = "A0B1C2-Gateway-TR069API";
    private GenieAcsServer _acs = null!;
    private GenieAcsDevice _device = null!;

    public async ValueTask InitializeAsync()
    {
        _acs = await GenieAcsServer.StartAsync();
        _device = _acs.AddDevice(Cpe)
            .With("Device.WiFi.SSID.3.SSID", "office", "string", writable: true)
            .With("Device.WiFi.SSID.3.Enable", "false", "boolean", writable: true);
    }

    public async ValueTask DisposeAsync() => await _acs.DisposeAsync();

    [Fact]
    public async Task AnOperator_ReadsAndSetsThroughTheAcs_AndAnInvalidSetIsBadUserInput()
    {
        var deviceId = (await server.PostAsync("mutation($i: CreateDeviceInput!) { createDevice(input: $i) { id } }",
            new { i = new { name = $"tr069-{Guid.NewGuid():N}", address = "192.0.2.10" } }, server.Alpha.AdminToken)).Data("createDevice")["id"]!.GetValue<string>();
        (await server.PostAsync("mutation($i: SetTr069EndpointInput!) { setTr069Endpoint(input: $i) { cpeId connectionRequest } }",
            new { i = new { deviceId, baseUrl = _acs.BaseUrl.ToString(), cpeId = Cpe } }, server.Alpha.AdminToken)).Errors.ShouldBeNull();

        var get = await server.PostAsync("mutation($i: EnqueueTr069GetInput!) { enqueueTr069Get(input: $i) { id kind } }",
            new { i = new { deviceId, names = new[] { "Device.WiFi.SSID.3." } } }, server.Alpha.OperatorToken);
        get.Data("enqueueTr069Get")["kind"]!.GetValue<string>().ShouldBe("TR069_GET");
        var read = await server.WaitForJobAsync(get.Data("enqueueTr069Get")["id"]!.GetValue<string>(), server.Alpha.ViewerToken);
        read["status"]!.GetValue<string>().ShouldBe("COMPLETED", read.ToJsonString());
        read["results"]!["edges"]!.AsArray().Select(e => $"{e!["node"]!["oid"]} {e["node"]!["type"]} {e["node"]!["value"]}")
            .ShouldBe(["Device.WiFi.SSID.3.Enable boolean false", "Device.WiFi.SSID.3.SSID string office"]);

        var refused = await server.PostAsync(Set, new { i = new { deviceId, parameters = new[] { new { name = "Device.WiFi.SSID.3.SSID", value = new string('x', 40) } } } },
            server.Alpha.OperatorToken);
        refused.Code.ShouldBe("BAD_USER_INPUT");
        refused.Errors![0]!["message"]!.GetValue<string>().ShouldContain("Device.WiFi.SSID.3.SSID: WRONG_LENGTH");

        var set = await server.PostAsync(Set, new { i = new { deviceId, parameters = new[] { new { name = "Device.WiFi.SSID.3.Enable", value = "true" } } } },
            server.Alpha.OperatorToken);
        var written = await server.WaitForJobAsync(set.Data("enqueueTr069Set")["id"]!.GetValue<string>(), server.Alpha.ViewerToken);
        written["status"]!.GetValue<string>().ShouldBe("COMPLETED", written.ToJsonString());
        _device.Parameters["Device.WiFi.SSID.3.Enable"].Value.ShouldBe("true");
    }
}
