namespace Drm.GraphQL.Tests.Tenancy;

/// <summary>Beta tries every query and mutation on alpha's objects: it sees nothing and changes nothing.</summary>
public sealed class CrossTenantTests(ServerFixture server)
{
    private const string DeviceFields =
        "id name address tags description snmpCredential { version hasCommunity } webpaEndpoint { cpeId } " +
        "tr069Endpoint { cpeId } uspEndpoint { agentEndpointId }";

    [Fact]
    public async Task EveryQuery_ByAnotherTenant_SeesNothingOfAlpha()
    {
        var (deviceId, userId) = await SeedAlphaAsync("iso-read");
        var beta = server.Beta.AdminToken;

        var device = await server.PostAsync("query($id: ID!) { device(id: $id) { id } }", new { id = deviceId }, beta);
        device.Errors.ShouldBeNull(device.Raw);
        device.Body["data"]!["device"].ShouldBeNull();
        foreach (var id in new[] { deviceId, userId, server.Alpha.Id })
        {
            var node = await server.PostAsync("query($id: ID!) { node(id: $id) { id } }", new { id }, beta);
            node.Errors.ShouldBeNull(node.Raw);
            node.Body["data"]!["node"].ShouldBeNull();
        }

        (await server.PostAsync("query($id: ID!) { user(id: $id) { id } }", new { id = userId }, beta)).Body["data"]!["user"].ShouldBeNull();
        var devices = await server.PostAsync("{ devices(search: \"iso-read\") { totalCount } }", token: beta);
        devices.Data("devices")["totalCount"]!.GetValue<int>().ShouldBe(0);
        var users = await server.PostAsync("{ users { edges { node { email } } } }", token: beta);
        users.Data("users")["edges"]!.AsArray().Select(e => e!["node"]!["email"]!.GetValue<string>())
            .ShouldAllBe(email => email.EndsWith("@beta.test", StringComparison.Ordinal));
        var tenants = await server.PostAsync("{ tenants { edges { node { slug } } } }", token: beta);
        tenants.Data("tenants")["edges"]!.AsArray().Select(e => e!["node"]!["slug"]!.GetValue<string>()).ShouldBe(["beta"]);
    }

    [Fact]
    public async Task EveryMutation_ByAnotherTenant_IsNotFound_AndAlphaIsUnchanged()
    {
        var (deviceId, userId) = await SeedAlphaAsync("iso-write");
        var before = await server.PostAsync($"query($id: ID!) {{ device(id: $id) {{ {DeviceFields} }} }}", new { id = deviceId }, server.Alpha.AdminToken);
        var beta = server.Beta.AdminToken;

        string[] mutations =
        [
            "mutation($d: ID!) { updateDevice(input: {id: $d, name: \"hijacked\"}) { id } }",
            "mutation($d: ID!) { deleteDevice(id: $d) }",
            "mutation($d: ID!) { setSnmpCredential(input: {deviceId: $d, version: V2C, community: \"evil\"}) { version } }",
            "mutation($d: ID!) { setWebpaEndpoint(input: {deviceId: $d, baseUrl: \"http://evil\", cpeId: \"mac:0\"}) { cpeId } }",
            "mutation($d: ID!) { setTr069Endpoint(input: {deviceId: $d, baseUrl: \"http://evil\", cpeId: \"x\"}) { cpeId } }",
            "mutation($d: ID!) { setUspEndpoint(input: {deviceId: $d, agentEndpointId: \"x\", transport: HTTP, baseUrl: \"http://evil\"}) { transport } }",
            "mutation($u: ID!) { updateUser(input: {id: $u, email: \"evil@beta.test\"}) { id } }",
            "mutation($u: ID!) { deleteUser(id: $u) }",
        ];
        foreach (var mutation in mutations)
        {
            var response = await server.PostAsync(mutation, new { d = deviceId, u = userId }, beta);
            response.Code.ShouldBe("NOT_FOUND", mutation + " → " + response.Raw);
        }

        var after = await server.PostAsync($"query($id: ID!) {{ device(id: $id) {{ {DeviceFields} }} }}", new { id = deviceId }, server.Alpha.AdminToken);
        after.Raw.ShouldBe(before.Raw);
        (await server.PostAsync("query($id: ID!) { user(id: $id) { email } }", new { id = userId }, server.Alpha.AdminToken))
            .Data("user")["email"]!.GetValue<string>().ShouldBe("iso-write@alpha.test");
    }

    private async Task<(string DeviceId, string UserId)> SeedAlphaAsync(string name)
    {
        var admin = server.Alpha.AdminToken;
        var deviceId = (await server.PostAsync(
            "mutation($n: String!) { createDevice(input: {name: $n, address: \"gw.example.net\", tags: [\"x\"], description: \"d\"}) { id } }",
            new { n = name }, admin)).Data("createDevice")["id"]!.GetValue<string>();
        (await server.PostAsync(
            "mutation($d: ID!) { setSnmpCredential(input: {deviceId: $d, version: V2C, community: \"alpha-secret-community\"}) { version } }",
            new { d = deviceId }, admin)).Errors.ShouldBeNull();
        (await server.PostAsync(
            "mutation($d: ID!) { setWebpaEndpoint(input: {deviceId: $d, baseUrl: \"http://webpa:6100/api/v3\", cpeId: \"mac:112233445566\", " +
            "auth: {type: BEARER, token: \"alpha-secret-token\"}}) { cpeId } }",
            new { d = deviceId }, admin)).Errors.ShouldBeNull();
        (await server.PostAsync(
            "mutation($d: ID!) { setTr069Endpoint(input: {deviceId: $d, baseUrl: \"http://acs:7557\", cpeId: \"202BC1-BM632w-1\", " +
            "auth: {type: BASIC, username: \"acs\", password: \"alpha-secret-password\"}}) { cpeId } }",
            new { d = deviceId }, admin)).Errors.ShouldBeNull();
        (await server.PostAsync(
            "mutation($d: ID!) { setUspEndpoint(input: {deviceId: $d, agentEndpointId: \"os::1\", transport: MQTT, baseUrl: \"mqtt://b:1883\", " +
            "mqttTopic: \"usp/agent\", auth: {type: API_KEY, apiKey: \"alpha-secret-key\"}}) { transport } }",
            new { d = deviceId }, admin)).Errors.ShouldBeNull();
        var userId = (await server.PostAsync(
            "mutation($e: String!) { createUser(input: {email: $e, password: \"long-enough\", role: VIEWER}) { id } }",
            new { e = name + "@alpha.test" }, admin)).Data("createUser")["id"]!.GetValue<string>();
        return (deviceId, userId);
    }
}
