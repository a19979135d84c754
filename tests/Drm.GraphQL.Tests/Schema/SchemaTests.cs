using Drm.GraphQL.Cli;
using Drm.TestUtils;

namespace Drm.GraphQL.Tests.Schema;

public sealed class SchemaTests(ServerFixture server)
{
    [Fact]
    public void CommittedSchemaFile_EqualsTheSchemaTheServiceServes()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema.graphql"));

        // On a difference, run `drm export-schema schema.graphql` and commit the file.
        DrmCommandLine.PrintSchema().ShouldBe(committed);
    }

    [Fact]
    public async Task NoOutputField_CanReturnASecret()
    {
        var response = await server.PostAsync("{ __schema { types { name kind fields { name } } } }");
        var secretWords = new[] { "password", "community", "secret", "token", "apikey", "hash" };

        var leaks = response.Data("__schema")["types"]!.AsArray()
            .Where(t => t!["kind"]!.GetValue<string>() == "OBJECT" && !t["name"]!.GetValue<string>().StartsWith("__", StringComparison.Ordinal))
            .SelectMany(t => t!["fields"]!.AsArray().Select(f => $"{t["name"]}.{f!["name"]}"))
            .Where(f => secretWords.Any(w => f.ToLowerInvariant().Contains(w, StringComparison.Ordinal)))
            .ToList();

        // login returns the caller's own new token by design; has* booleans say whether a secret is set.
        leaks.Where(f => f != "LoginPayload.token" && !f.Contains(".has", StringComparison.Ordinal) && !f.StartsWith("Mutation.", StringComparison.Ordinal))
            .ShouldBeEmpty();
    }

    [Fact]
    public async Task DeviceWithEveryCredential_NeverEchoesASecretBack()
    {
        var admin = server.Alpha.AdminToken;
        var id = (await server.PostAsync("mutation { createDevice(input: {name: \"secrets\", address: \"192.0.2.50\"}) { id } }", token: admin))
            .Data("createDevice")["id"]!.GetValue<string>();
        var responses = new List<string>
        {
            (await server.PostAsync(
                "mutation($d: ID!) { setSnmpCredential(input: {deviceId: $d, version: V3, username: \"u\", authProtocol: SHA512, " +
                "authPassword: \"SECRET-auth-1\", privProtocol: AES256, privPassword: \"SECRET-priv-1\"}) " +
                "{ version username authProtocol privProtocol hasAuthPassword hasPrivPassword hasCommunity } }", new { d = id }, admin)).Raw,
            (await server.PostAsync(
                "mutation($d: ID!) { setWebpaEndpoint(input: {deviceId: $d, baseUrl: \"http://w\", cpeId: \"mac:1\", " +
                "auth: {type: BASIC, username: \"u\", password: \"SECRET-webpa\"}}) { auth { type username hasSecret } } }", new { d = id }, admin)).Raw,
        };
        responses.Add((await server.PostAsync(
            "query($d: ID!) { device(id: $d) { snmpCredential { version hasAuthPassword } webpaEndpoint { auth { type hasSecret } } } }",
            new { d = id }, admin)).Raw);

        responses.ShouldAllBe(r => !r.Contains("SECRET-", StringComparison.Ordinal));
        responses[^1].ShouldContain("\"hasAuthPassword\":true");
        responses[^1].ShouldContain("\"hasSecret\":true");
    }
}
