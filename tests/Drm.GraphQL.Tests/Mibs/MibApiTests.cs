using System.Text;
using System.Text.Json.Nodes;
using Drm.TestUtils;

namespace Drm.GraphQL.Tests.Mibs;

/// <summary>The MIB library through the API: multipart uploads, browsing, lookups, deletion, roles and tenants.</summary>
public sealed class MibApiTests(ServerFixture server)
{
    private const string Upload = ServerFixture.UploadMib;

    [Fact]
    public async Task AnArchiveUploadedAsAMultipartRequest_IsParsedByAJob_AndBrowsableByItsTenantOnly()
    {
        // Dozens of real modules (the global ones of the same names are replaced for alpha only) and the test pair.
        var corpus = Directory.GetFiles(Path.Combine(RepositoryPaths.Shared, "data", "mibs", "rfc")).Order(StringComparer.Ordinal).Take(40)
            .Select(f => ($"rfc/{Path.GetFileName(f)}", File.ReadAllText(f))).ToArray();
        var corpusModules = corpus.SelectMany(f => Drm.Mib.Smi.MibParser.Parse(f.Item2, f.Item1, [])).Select(m => m.Name).Distinct().ToList();
        var archive = TestArchives.Of([("DRM-TEST-TC.txt", TestMibs.Tc), ("DRM-TEST-MIB.txt", TestMibs.Mib), .. corpus]);

        var uploaded = await server.PostMultipartAsync(Upload, "drm-test.tar.gz", archive, server.Alpha.OperatorToken);

        uploaded.Status.ShouldBe(200, uploaded.Raw);
        var job = uploaded.Data("uploadMib");
        job["kind"]!.GetValue<string>().ShouldBe("MIB_PARSE");
        var finished = await server.WaitForJobAsync(job["id"]!.GetValue<string>(), server.Alpha.OperatorToken);
        finished["status"]!.GetValue<string>().ShouldBe("COMPLETED", finished.ToJsonString());
        var perModule = finished["results"]!["edges"]!.AsArray().Select(e => e!["node"]!).ToList();
        perModule.Select(n => n["oid"]!.GetValue<string>()).ShouldBe([.. corpusModules, "DRM-TEST-MIB", "DRM-TEST-TC"], ignoreOrder: true);
        perModule.ShouldAllBe(n => n["type"]!.GetValue<string>() != "ERRORS");

        var modules = await server.PostAsync(
            "{ mibModules(search: \"DRM-TEST\") { totalCount edges { node { id name status isGlobal fileName imports { module resolved } warnings { message } oidCount } } } }",
            token: server.Alpha.ViewerToken);
        modules.Errors.ShouldBeNull(modules.Raw);
        modules.Data("mibModules")["totalCount"]!.GetValue<int>().ShouldBe(2);
        var mib = modules.Data("mibModules")["edges"]!.AsArray().Select(e => e!["node"]!).Single(n => n["name"]!.GetValue<string>() == "DRM-TEST-MIB");
        mib["status"]!.GetValue<string>().ShouldBe("OK");
        mib["isGlobal"]!.GetValue<bool>().ShouldBeFalse();
        mib["oidCount"]!.GetValue<int>().ShouldBe(3);
        mib["imports"]!.AsArray().ShouldAllBe(i => i!["resolved"]!.GetValue<bool>());

        var lookup = await server.PostAsync(
            "{ byName: mibOid(oid: \"DRM-TEST-MIB::drmTestLevel\") { oid fullName kind access syntax { type baseType textualConventions enumeration { name value } } module { name } } " +
            "byInstance: mibOid(oid: \"1.3.6.1.4.1.99999.1.1.0\") { fullName instance syntax { sizes } } " +
            "tree: mibTree(oid: \"1.3.6.1.4.1.99999\", depth: 2) { oid name hasChildren children { arc name object { kind } } } }",
            token: server.Alpha.ViewerToken);
        lookup.Errors.ShouldBeNull(lookup.Raw);
        var level = lookup.Data("byName");
        level["oid"]!.GetValue<string>().ShouldBe("1.3.6.1.4.1.99999.1.2");
        level["syntax"]!["textualConventions"]!.AsArray().Select(t => t!.GetValue<string>()).ShouldBe(["DrmLevel"]);
        level["syntax"]!["enumeration"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ShouldBe(["low", "high"]);
        level["module"]!["name"]!.GetValue<string>().ShouldBe("DRM-TEST-MIB");
        lookup.Data("byInstance")["fullName"]!.GetValue<string>().ShouldBe("DRM-TEST-MIB::drmTestScalar");
        lookup.Data("byInstance")["instance"]!.GetValue<string>().ShouldBe("0");
        var tree = lookup.Data("tree").AsArray().ShouldHaveSingleItem()!;
        tree["name"]!.GetValue<string>().ShouldBe("drmTestObjects");
        tree["children"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ShouldBe(["drmTestScalar", "drmTestLevel"]);

        var other = await server.PostAsync(
            "{ mibModules(search: \"DRM-TEST-MIB\") { totalCount } mibOid(oid: \"DRM-TEST-MIB::drmTestLevel\") { oid } }", token: server.Beta.AdminToken);
        other.Data("mibModules")["totalCount"]!.GetValue<int>().ShouldBe(0);
        other.Body["data"]!["mibOid"].ShouldBeNull();
        var id = mib["id"]!.GetValue<string>();
        (await server.PostAsync("query($id: ID!) { mibModule(id: $id) { name } }", new { id }, server.Beta.AdminToken)).Body["data"]!["mibModule"].ShouldBeNull();
    }

    [Fact]
    public async Task Uploads_AreRefusedWithStableCodes_ForViewersBadArchivesAndMalformedMultipartRequests()
    {
        var good = Encoding.UTF8.GetBytes(TestMibs.Tc);

        var viewer = await server.PostMultipartAsync(Upload, "DRM-TEST-TC.txt", good, server.Alpha.ViewerToken);
        viewer.Code.ShouldBe("FORBIDDEN");

        var traversal = TestArchives.Build(w => w.WriteEntry(TestArchives.File("../../evil.mib", good)));
        var refused = await server.PostMultipartAsync(Upload, "evil.tar.gz", traversal, server.Alpha.OperatorToken);
        refused.Code.ShouldBe("BAD_USER_INPUT");
        refused.Errors![0]!["message"]!.GetValue<string>().ShouldContain("outside the archive");

        var renamed = await server.PostMultipartAsync(Upload, "upload.bin", good, server.Alpha.OperatorToken, name: "mibs.zip");
        renamed.Code.ShouldBe("BAD_USER_INPUT");

        // The map names a part the request does not carry: a request error, nothing executed.
        var missing = await server.SendMultipartAsync(ServerFixture.Multipart(Upload, new { file = (string?)null }, """{ "0": ["variables.file"] }"""), server.Alpha.OperatorToken);
        missing.Status.ShouldBe(400);
        missing.Raw.ShouldContain("does not carry");

        var wrongPath = await server.SendMultipartAsync(
            ServerFixture.Multipart(Upload, new { file = (string?)null }, """{ "0": ["variables.nothere"] }""", ("0", "a.mib", good)), server.Alpha.OperatorToken);
        wrongPath.Status.ShouldBe(400);

        // An Upload cannot come from JSON.
        var json = await server.PostAsync(Upload, new { file = "DRM-TEST-TC.txt" }, server.Alpha.OperatorToken);
        json.Errors.ShouldNotBeNull();

        var global = await server.PostAsync("{ mibModules(search: \"NET-SNMP-MIB\") { edges { node { id isGlobal } } } }", token: server.Alpha.AdminToken);
        var globalId = global.Data("mibModules")["edges"]!.AsArray().Select(e => e!["node"]!).First(n => n["isGlobal"]!.GetValue<bool>())["id"]!.GetValue<string>();
        var delete = await server.PostAsync("mutation($id: ID!) { deleteMibModule(id: $id) }", new { id = globalId }, server.Alpha.AdminToken);
        delete.Code.ShouldBe("FORBIDDEN");
    }

    [Fact]
    public async Task AModuleUploadedWithoutItsImport_ResolvesWhenTheImportArrives_AndCanBeDeletedByItsTenant()
    {
        // Beta's own pair under enterprises.99997, so that other tests' lookups of alpha's DRM-TEST modules stay apart.
        static string Late(string text) => text.Replace("DRM-TEST-", "DRM-LATE-", StringComparison.Ordinal).Replace("enterprises 99999", "enterprises 99997", StringComparison.Ordinal);
        var first = await server.PostMultipartAsync(Upload, "DRM-LATE-MIB.mib", Encoding.UTF8.GetBytes(Late(TestMibs.Mib)), server.Beta.OperatorToken);
        (await server.WaitForJobAsync(first.Data("uploadMib")["id"]!.GetValue<string>(), server.Beta.OperatorToken))["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        (await ModuleAsync("DRM-LATE-MIB"))["status"]!.GetValue<string>().ShouldBe("UNRESOLVED");

        var second = await server.PostMultipartAsync(Upload, "DRM-LATE-TC.my", Encoding.UTF8.GetBytes(Late(TestMibs.Tc)), server.Beta.OperatorToken);
        (await server.WaitForJobAsync(second.Data("uploadMib")["id"]!.GetValue<string>(), server.Beta.OperatorToken))["status"]!.GetValue<string>().ShouldBe("COMPLETED");
        var late = await ModuleAsync("DRM-LATE-MIB");
        late["status"]!.GetValue<string>().ShouldBe("OK");

        var deleted = await server.PostAsync("mutation($id: ID!) { deleteMibModule(id: $id) }", new { id = late["id"]!.GetValue<string>() }, server.Beta.OperatorToken);
        deleted.Data("deleteMibModule").GetValue<bool>().ShouldBeTrue();
        (await server.PostAsync("{ mibModules(search: \"DRM-LATE-MIB\") { totalCount } }", token: server.Beta.OperatorToken))
            .Data("mibModules")["totalCount"]!.GetValue<int>().ShouldBe(0);

        async Task<JsonNode> ModuleAsync(string name)
        {
            var found = await server.PostAsync(
                "query($s: String) { mibModules(search: $s) { edges { node { id name status } } } }", new { s = name }, server.Beta.ViewerToken);
            return found.Data("mibModules")["edges"]!.AsArray().Select(e => e!["node"]!).Single(n => n["name"]!.GetValue<string>() == name);
        }
    }
}
