using System.Text;
using System.Text.Json.Nodes;
using Drm.TestUtils;

namespace Drm.GraphQL.Tests.Tr181;

/// <summary>
/// The TR-181 catalog through the API: the global model (the component-based USP model of TR181_SOURCES, expanded at
/// start-up), uploads, search, tree, details, validation.
/// </summary>
public sealed class Tr181ApiTests(ServerFixture server)
{
    [Fact]
    public async Task TheGlobalCatalog_IsSearchableBrowsableAndDetailed()
    {
        var read = await server.PostAsync(
            "{ search: tr181Parameters(search: \"ssid\", kind: PARAMETER, access: READ_WRITE, first: 3) { totalCount edges { cursor node { path access } } pageInfo { hasNextPage } } " +
            "byType: tr181Parameters(pathPrefix: \"Device.IP.Interface.1.\", type: \"IPv4Address\") { totalCount edges { node { path dataType type } } } " +
            "ssid: tr181Parameter(path: \"Device.WiFi.SSID.1.SSID\") { id path name kind parent model type access writable isGlobal version description " +
            "  syntax { baseType maxLength isList } } " +
            "mtu: tr181Parameter(path: \"Device.IP.Interface.{i}.MaxMTUSize\") { syntax { ranges { min max step } } } " +
            "table: tr181Parameter(path: \"Device.WiFi.SSID\") { path kind multiInstance minEntries maxEntries uniqueKeys access } " +
            "ping: tr181Parameter(path: \"Device.IP.Diagnostics.IPPing()\") { kind async input { name syntax { baseType } } output { name } } " +
            "boot: tr181Parameter(path: \"Device.Boot!\") { kind arguments { name } } " +
            "tree: tr181Tree(rootPath: \"Device.WiFi\", depth: 2) { path name kind childCount children { name kind childCount } } " +
            "models: tr181Models { name version isGlobal itemCount } }",
            token: server.Alpha.ViewerToken);

        read.Errors.ShouldBeNull(read.Raw);
        var search = read.Data("search");
        search["totalCount"]!.GetValue<int>().ShouldBeGreaterThan(3);
        search["edges"]!.AsArray().Count.ShouldBe(3);
        search["pageInfo"]!["hasNextPage"]!.GetValue<bool>().ShouldBeTrue();
        search["edges"]!.AsArray().ShouldAllBe(e => e!["node"]!["access"]!.GetValue<string>() == "READ_WRITE");
        read.Data("byType")["edges"]!.AsArray().Select(e => e!["node"]!["path"]!.GetValue<string>()).ShouldContain("Device.IP.Interface.{i}.IPv4Address.{i}.IPAddress");

        var ssid = read.Data("ssid");
        ssid["path"]!.GetValue<string>().ShouldBe("Device.WiFi.SSID.{i}.SSID");
        ssid["kind"]!.GetValue<string>().ShouldBe("PARAMETER");
        ssid["parent"]!.GetValue<string>().ShouldBe("Device.WiFi.SSID.{i}.");
        ssid["model"]!.GetValue<string>().ShouldBe("Device");
        ssid["type"]!.GetValue<string>().ShouldBe("string");
        ssid["access"]!.GetValue<string>().ShouldBe("READ_WRITE");
        ssid["writable"]!.GetValue<bool>().ShouldBeTrue();
        ssid["isGlobal"]!.GetValue<bool>().ShouldBeTrue();
        ssid["description"]!.GetValue<string>().ShouldNotBeEmpty();
        ssid["syntax"]!["maxLength"]!.GetValue<int>().ShouldBe(32);
        read.Data("mtu")["syntax"]!["ranges"]!.ToJsonString().ShouldBe("""[{"min":64,"max":65535,"step":1}]""");
        var table = read.Data("table");
        table["path"]!.GetValue<string>().ShouldBe("Device.WiFi.SSID.{i}.");
        table["multiInstance"]!.GetValue<bool>().ShouldBeTrue();
        table["uniqueKeys"]!.AsArray().ShouldNotBeEmpty();
        read.Data("ping")["async"]!.GetValue<bool>().ShouldBeTrue();
        read.Data("ping")["input"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ShouldContain("Host");
        read.Data("boot")["arguments"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ShouldContain("CommandKey");
        var ssidNode = read.Data("tree").AsArray().Single(n => n!["path"]!.GetValue<string>() == "Device.WiFi.SSID.{i}.")!;
        ssidNode["name"]!.GetValue<string>().ShouldBe("SSID.{i}");
        ssidNode["childCount"]!.GetValue<int>().ShouldBe(ssidNode["children"]!.AsArray().Count);
        ssidNode["children"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ShouldContain("SSID");
        read.Data("models").AsArray().ShouldContain(m => m!["name"]!.GetValue<string>() == "Device" && m["version"]!.GetValue<string>() == "2.19"
                                                       && m["isGlobal"]!.GetValue<bool>());

        // The same item by its ID, and through node(). (Alpha, like beta, may hold rows of its own for other paths,
        // but never for this one: beta's own copy of the model would hide this global row from beta.)
        var id = ssid["id"]!.GetValue<string>();
        var byId = await server.PostAsync(
            "query($id: ID!) { tr181Parameter(id: $id) { path } node(id: $id) { ... on Tr181Parameter { path } } }", new { id }, server.Alpha.OperatorToken);
        byId.Errors.ShouldBeNull(byId.Raw);
        byId.Data("tr181Parameter")["path"]!.GetValue<string>().ShouldBe("Device.WiFi.SSID.{i}.SSID");
        byId.Data("node")["path"]!.GetValue<string>().ShouldBe("Device.WiFi.SSID.{i}.SSID");
    }

    [Fact]
    public async Task ValidateTr181_AnswersEveryItemInOrder_WithEveryErrorCode()
    {
        var read = await server.PostAsync(
            "query($input: [Tr181ValueInput!]!) { validateTr181(input: $input) { path value valid parameter { path } errors { code message } } }",
            new
            {
                input = new[]
                {
                    new { path = "Device.WiFi.SSID.1.SSID", value = "home" },
                    new { path = "Device.WiFi.SSID.{i}.SSID", value = new string('x', 40) },
                    new { path = "Device.DeviceInfo.UpTime", value = "x" },
                    new { path = "Device.NoSuch.Thing", value = "1" },
                },
            },
            server.Alpha.ViewerToken);

        read.Errors.ShouldBeNull(read.Raw);
        var results = read.Data("validateTr181").AsArray().Select(r => r!).ToList();
        results.Select(r => r["path"]!.GetValue<string>()).ShouldBe(["Device.WiFi.SSID.1.SSID", "Device.WiFi.SSID.{i}.SSID", "Device.DeviceInfo.UpTime", "Device.NoSuch.Thing"]);
        results[0]["valid"]!.GetValue<bool>().ShouldBeTrue();
        results[0]["parameter"]!["path"]!.GetValue<string>().ShouldBe("Device.WiFi.SSID.{i}.SSID");
        Codes(results[1]).ShouldBe(["INSTANCE_NUMBER", "WRONG_LENGTH"], ignoreOrder: true);
        Codes(results[2]).ShouldBe(["NOT_WRITABLE", "WRONG_TYPE"], ignoreOrder: true);
        Codes(results[3]).ShouldBe(["UNKNOWN_PATH"]);
        results[3]["parameter"].ShouldBeNull();
        results[3]["errors"]![0]!["message"]!.GetValue<string>().ShouldContain("Device.NoSuch.Thing");

        static List<string> Codes(JsonNode result) => result["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task AnUploadedVendorModel_IsImportedByAJob_AndSeenByItsTenantOnly()
    {
        var uploaded = await server.PostMultipartAsync(ServerFixture.ImportTr181, "acme.xml", Encoding.UTF8.GetBytes(TestTr181.Vendor()), server.Alpha.OperatorToken);

        uploaded.Status.ShouldBe(200, uploaded.Raw);
        uploaded.Data("importTr181")["kind"]!.GetValue<string>().ShouldBe("TR181_IMPORT");
        var job = await server.WaitForJobAsync(uploaded.Data("importTr181")["id"]!.GetValue<string>(), server.Alpha.OperatorToken);
        job["status"]!.GetValue<string>().ShouldBe("COMPLETED", job.ToJsonString());
        var rows = job["results"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        rows[0]["type"]!.GetValue<string>().ShouldBe("SUMMARY");
        rows.Where(r => r["type"]!.GetValue<string>() == "ADDED").Select(r => r["oid"]!.GetValue<string>()).ShouldContain("Device.X_ACME_Fan.Speed");

        const string Query = "{ tr181Parameter(path: \"Device.X_ACME_Fan.Speed\") { isGlobal syntax { dataType ranges { max } } } " +
                             "tr181Parameters(search: \"x_acme\") { totalCount } }";
        var alpha = await server.PostAsync(Query, token: server.Alpha.ViewerToken);
        alpha.Data("tr181Parameter")["isGlobal"]!.GetValue<bool>().ShouldBeFalse();
        alpha.Data("tr181Parameter")["syntax"]!["dataType"]!.GetValue<string>().ShouldBe("Percent");
        alpha.Data("tr181Parameters")["totalCount"]!.GetValue<int>().ShouldBe(6);
        var beta = await server.PostAsync(Query, token: server.Beta.ViewerToken);
        beta.Errors.ShouldBeNull(beta.Raw);
        beta.Body["data"]!["tr181Parameter"].ShouldBeNull();
        beta.Data("tr181Parameters")["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task DeleteTr181Model_RemovesTheCallersModel_AndViewersMayNot()
    {
        var xml = TestTr181.Vendor().Replace("X_ACME", "X_BETA", StringComparison.Ordinal);
        var uploaded = await server.PostMultipartAsync(ServerFixture.ImportTr181, "beta.xml", Encoding.UTF8.GetBytes(xml), server.Beta.OperatorToken);
        var job = await server.WaitForJobAsync(uploaded.Data("importTr181")["id"]!.GetValue<string>(), server.Beta.OperatorToken);
        job["status"]!.GetValue<string>().ShouldBe("COMPLETED", job.ToJsonString());
        const string Delete = "mutation($name: String!) { deleteTr181Model(name: $name) }";

        (await server.PostAsync(Delete, new { name = "X_BETA_Device" }, server.Beta.ViewerToken)).Code.ShouldBe("FORBIDDEN");
        (await server.PostAsync(Delete, new { name = "X_BETA_Device" }, server.Alpha.OperatorToken)).Data("deleteTr181Model").GetValue<bool>().ShouldBeFalse();
        var deleted = await server.PostAsync(Delete, new { name = "X_BETA_Device:1.0" }, server.Beta.OperatorToken);

        deleted.Data("deleteTr181Model").GetValue<bool>().ShouldBeTrue();
        var after = await server.PostAsync("{ tr181Parameters(search: \"x_beta\") { totalCount } }", null, server.Beta.ViewerToken);
        after.Data("tr181Parameters")["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task ABrokenUpload_FailsItsJobWithTr181ImportError()
    {
        var text = TestTr181.Vendor("1.1");
        var uploaded = await server.PostMultipartAsync(ServerFixture.ImportTr181, "broken.xml", Encoding.UTF8.GetBytes(text[..(text.Length / 3)]), server.Beta.OperatorToken);

        uploaded.Errors.ShouldBeNull(uploaded.Raw);
        var job = await server.WaitForJobAsync(uploaded.Data("importTr181")["id"]!.GetValue<string>(), server.Beta.OperatorToken);
        job["status"]!.GetValue<string>().ShouldBe("FAILED");
        job["errorType"]!.GetValue<string>().ShouldBe("TR181ImportError");
        job["errorMessage"]!.GetValue<string>().ShouldContain("broken.xml is not well-formed XML");
    }

    [Fact]
    public async Task AnAllowedServerSource_IsImportedForTheCaller_AndOtherPathsAreRefused()
    {
        var refused = await server.PostAsync(ServerFixture.ImportTr181, new { source = "/etc/passwd" }, server.Beta.OperatorToken);
        refused.Code.ShouldBe("BAD_USER_INPUT");
        refused.Errors![0]!["message"]!.GetValue<string>().ShouldContain("TR181_SOURCES");
        (await server.PostAsync(ServerFixture.ImportTr181, new { }, server.Beta.OperatorToken)).Code.ShouldBe("BAD_USER_INPUT");
        (await server.PostAsync(ServerFixture.ImportTr181, new { source = TestTr181.UspComponents }, server.Beta.ViewerToken)).Code.ShouldBe("FORBIDDEN");
        (await server.PostAsync("mutation { importTr181(source: \"x\", global: true) { id } }", null, server.Beta.AdminToken)).Code.ShouldBe("FORBIDDEN");
        (await server.PostAsync("{ tr181Tree(depth: 0) { path } }", null, server.Beta.ViewerToken)).Code.ShouldBe("BAD_USER_INPUT");
        (await server.PostAsync("{ tr181Tree(rootPath: \"Device.Nope\") { path } }", null, server.Beta.ViewerToken)).Code.ShouldBe("BAD_USER_INPUT");
        (await server.PostAsync("{ tr181Parameter { path } }", null, server.Beta.ViewerToken)).Code.ShouldBe("BAD_USER_INPUT");

        var imported = await server.PostAsync(ServerFixture.ImportTr181, new { source = TestTr181.UspComponents }, server.Beta.OperatorToken);

        imported.Errors.ShouldBeNull(imported.Raw);
        var job = await server.WaitForJobAsync(imported.Data("importTr181")["id"]!.GetValue<string>(), server.Beta.OperatorToken);
        job["status"]!.GetValue<string>().ShouldBe("COMPLETED", job.ToJsonString());
        var models = await server.PostAsync("{ tr181Models { name isGlobal source } }", null, server.Beta.ViewerToken);
        models.Data("tr181Models").AsArray().Select(m => (m!["name"]!.GetValue<string>(), m["isGlobal"]!.GetValue<bool>())).ShouldBe([("Device", true), ("Device", false)]);
    }
}
