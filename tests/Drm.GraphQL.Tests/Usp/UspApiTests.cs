using Drm.TestUtils;

namespace Drm.GraphQL.Tests.Usp;

/// <summary>USP jobs through the API, over a private mosquitto to the simulated agent; the server's TR-181 catalog checks each set.</summary>
public sealed class UspApiTests(ServerFixture server) : IAsyncLifetime
{
    private const string Set = "mutation($i: EnqueueUspSetInput!) { enqueueUspSet(input: $i) { id kind } }";
    private const string Agent = "os::012345-API000000001";
    private MosquittoServer _broker = null!;
    private UspAgentSimulator _agent = null!;

    public async ValueTask InitializeAsync()
    {
        _broker = await MosquittoServer.StartAsync();
        _agent = (await UspAgentSimulator.StartAsync(_broker.Url, Agent, "usp/agent/api000000001"))
            .With("Device.WiFi.SSID.4.SSID", "lab", "string", writable: true)
            .With("Device.WiFi.SSID.4.Enable", "false", "boolean", writable: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _broker.DisposeAsync();
    }

    [Fact]
    public async Task AnOperator_ReadsAndSetsOverMqtt_AndAnInvalidSetIsBadUserInput()
    {
        var deviceId = (await server.PostAsync("mutation($i: CreateDeviceInput!) { createDevice(input: $i) { id } }",
            new { i = new { name = $"usp-{Guid.NewGuid():N}", address = "192.0.2.11" } }, server.Alpha.AdminToken)).Data("createDevice")["id"]!.GetValue<string>();
        (await server.PostAsync("mutation($i: SetUspEndpointInput!) { setUspEndpoint(input: $i) { transport } }",
            new { i = new { deviceId, agentEndpointId = Agent, transport = "MQTT", baseUrl = _broker.Url.ToString(), mqttTopic = _agent.Topic } },
            server.Alpha.AdminToken)).Errors.ShouldBeNull();

        var get = await server.PostAsync("mutation($i: EnqueueUspGetInput!) { enqueueUspGet(input: $i) { id kind } }",
            new { i = new { deviceId, names = new[] { "Device.WiFi.SSID.4." } } }, server.Alpha.OperatorToken);
        get.Data("enqueueUspGet")["kind"]!.GetValue<string>().ShouldBe("USP_GET");
        var read = await server.WaitForJobAsync(get.Data("enqueueUspGet")["id"]!.GetValue<string>(), server.Alpha.ViewerToken);
        read["status"]!.GetValue<string>().ShouldBe("COMPLETED", read.ToJsonString());
        read["results"]!["edges"]!.AsArray().Select(e => $"{e!["node"]!["oid"]} {e["node"]!["type"]} {e["node"]!["value"]}")
            .ShouldBe(["Device.WiFi.SSID.4.Enable boolean false", "Device.WiFi.SSID.4.SSID string lab"]);

        var refused = await server.PostAsync(Set, new { i = new { deviceId, parameters = new[] { new { name = "Device.WiFi.SSID.4.Enable", value = "yes please" } } } },
            server.Alpha.OperatorToken);
        refused.Code.ShouldBe("BAD_USER_INPUT");
        refused.Errors![0]!["message"]!.GetValue<string>().ShouldContain("Device.WiFi.SSID.4.Enable: WRONG_TYPE");
        _agent.Requests.Count.ShouldBe(1);

        var set = await server.PostAsync(Set, new { i = new { deviceId, parameters = new[] { new { name = "Device.WiFi.SSID.4.Enable", value = "true" } } } },
            server.Alpha.OperatorToken);
        var written = await server.WaitForJobAsync(set.Data("enqueueUspSet")["id"]!.GetValue<string>(), server.Alpha.ViewerToken);
        written["status"]!.GetValue<string>().ShouldBe("COMPLETED", written.ToJsonString());
        _agent.Parameters["Device.WiFi.SSID.4.Enable"].Value.ShouldBe("true");
    }
}
