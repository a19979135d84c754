using System.Formats.Tar;
using System.Text;
using Drm.Engine.Jobs;
using Drm.Engine.Mibs;
using Drm.Engine.Paging;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Drm.Mib.Smi;
using Drm.TestUtils;
using Npgsql;

namespace Drm.Engine.Tests.Mibs;

/// <summary>The MIB library in the engine: uploads parsed by MIB_PARSE jobs into PostgreSQL, browsing, tenants, global modules.</summary>
public sealed class MibLibraryTests(EngineDatabaseFixture fixture)
{
    [Fact]
    public async Task GlobalModules_AreStoredAtStartUp_AndEveryTenantReadsThem()
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var beta = await engine.CreateTenantAsync("beta");
        var mibs = engine.Get<MibService>();

        foreach (var tenant in new[] { alpha, beta })
        {
            var modules = await AllModulesAsync(mibs, tenant);
            modules.Select(m => m.Name).ShouldContain("NET-SNMP-MIB");
            modules.ShouldAllBe(m => m.IsGlobal);
            var netSnmp = await mibs.FindAsync(tenant, "NET-SNMP-MIB::netSnmp", default);
            netSnmp.ShouldNotBeNull().Oid.ShouldBe("1.3.6.1.4.1.8072");
        }

        // A second start finds every global module unchanged and rewrites none.
        await using var owner = await engine.OpenOwnerConnectionAsync();
        var before = await ScalarAsync<DateTime>(owner, "SELECT max(updated_at) FROM mib_modules WHERE tenant_id IS NULL");
        await engine.Get<MibCatalogLoader>().StopAsync(default);
        var again = new MibCatalogLoader(engine.Get<MibCatalog>(), engine.Get<Drm.Engine.Storage.TenantDatabase>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<MibCatalogLoader>.Instance);
        await again.StartAsync(default);
        await again.Stored;
        (await ScalarAsync<DateTime>(owner, "SELECT max(updated_at) FROM mib_modules WHERE tenant_id IS NULL")).ShouldBe(before);
    }

    [Fact]
    public async Task AnUploadedModule_IsParsedByAJob_AndFoundByOidNameInstanceAndTree()
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var mibs = engine.Get<MibService>();

        var job = await UploadAsync(engine, alpha, "drm-test.tar.gz", TestArchives.Of(("DRM-TEST-TC.txt", TestMibs.Tc), ("mibs/DRM-TEST-MIB.my", TestMibs.Mib)));

        job.Status.ShouldBe(JobStatus.Completed, job.ErrorMessage);
        job.ItemsDone.ShouldBe(2);
        var results = (await engine.Get<JobService>().ResultsAsync(alpha, job.Id, null, new PageRequest(), default)).Items;
        results.Select(r => (r.Oid, r.Type)).ShouldBe([("DRM-TEST-TC", "OK"), ("DRM-TEST-MIB", "OK")], ignoreOrder: true);

        var module = (await AllModulesAsync(mibs, alpha)).Single(m => m.Name == "DRM-TEST-MIB");
        module.IsGlobal.ShouldBeFalse();
        module.FileName.ShouldBe("mibs/DRM-TEST-MIB.my");
        module.Status.ShouldBe(MibModuleStatus.Ok);
        module.OidCount.ShouldBe(3);
        module.Imports.ShouldAllBe(i => i.Resolved);
        module.JobId.ShouldBe(job.Id);

        var level = (await mibs.FindAsync(alpha, "DRM-TEST-MIB::drmTestLevel", default)).ShouldNotBeNull();
        level.Oid.ShouldBe("1.3.6.1.4.1.99999.1.2");
        level.Kind.ShouldBe("SCALAR");
        level.Access.ShouldBe("read-write");
        level.Syntax.ShouldNotBeNull().TextualConventions.ShouldBe(["DrmLevel"]);
        level.Syntax.BaseType.ShouldBe("INTEGER");
        level.Syntax.Enumeration.Select(e => $"{e.Name}({e.Value})").ShouldBe(["low(1)", "high(2)"]);
        var scalar = (await mibs.FindAsync(alpha, "1.3.6.1.4.1.99999.1.1.0", default)).ShouldNotBeNull();
        scalar.FullName.ShouldBe("DRM-TEST-MIB::drmTestScalar");
        scalar.Instance.ShouldBe("0");
        scalar.Syntax!.Sizes.ShouldBe(["0..32"]);
        (await mibs.FindAsync(alpha, "drmtestscalar.0", default)).ShouldNotBeNull().Instance.ShouldBe("0");

        var subtree = await mibs.ListOidsAsync(alpha, null, "DRM-TEST-TC::drmTest", null, new PageRequest(), default);
        subtree.Items.Select(o => o.Name).ShouldBe(["drmTest", "drmTestObjects", "drmTestScalar", "drmTestLevel"]);
        (await mibs.ListOidsAsync(alpha, null, null, "DRMTESTs", new PageRequest(), default)).Items.Select(o => o.Name).ShouldBe(["drmTestScalar"]);
        var tree = await mibs.TreeAsync(alpha, "1.3.6.1.4.1.99999", 2, default);
        var objects = tree.ShouldHaveSingleItem();
        objects.Node!.Name.ShouldBe("drmTestObjects");
        objects.HasChildren.ShouldBeTrue();
        objects.Children.Select(c => (c.Arc, c.Node!.Name, c.HasChildren)).ShouldBe([(1L, "drmTestScalar", false), (2L, "drmTestLevel", false)]);
        var top = await mibs.TreeAsync(alpha, null, 1, default);
        top.Select(n => n.Oid).ShouldContain("1");
    }

    [Fact]
    public async Task AModuleWithAMissingImport_IsUnresolved_UntilTheImportIsUploaded()
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var mibs = engine.Get<MibService>();

        (await UploadAsync(engine, alpha, "DRM-TEST-MIB.mib", Encoding.UTF8.GetBytes(TestMibs.Mib))).Status.ShouldBe(JobStatus.Completed);
        var waiting = (await AllModulesAsync(mibs, alpha)).Single(m => m.Name == "DRM-TEST-MIB");
        waiting.Status.ShouldBe(MibModuleStatus.Unresolved);
        waiting.Imports.Single(i => i.Module == "DRM-TEST-TC").Resolved.ShouldBeFalse();
        waiting.Diagnostics.ShouldContain(d => d.Message.Contains("DRM-TEST-TC"));
        (await mibs.FindAsync(alpha, "DRM-TEST-MIB::drmTestScalar", default)).ShouldBeNull();

        (await UploadAsync(engine, alpha, "DRM-TEST-TC.txt", Encoding.UTF8.GetBytes(TestMibs.Tc))).Status.ShouldBe(JobStatus.Completed);

        var resolved = (await AllModulesAsync(mibs, alpha)).Single(m => m.Name == "DRM-TEST-MIB");
        resolved.Status.ShouldBe(MibModuleStatus.Ok);
        resolved.OidCount.ShouldBe(3);
        (await mibs.FindAsync(alpha, "DRM-TEST-MIB::drmTestScalar", default)).ShouldNotBeNull().Oid.ShouldBe("1.3.6.1.4.1.99999.1.1");
    }

    [Fact]
    public async Task TenantModules_AreInvisibleToOtherTenants_AndReplaceAGlobalModuleOfTheSameNameForTheirOwnerOnly()
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var beta = await engine.CreateTenantAsync("beta");
        var mibs = engine.Get<MibService>();
        // alpha's own UCD-DEMO-MIB puts ucdDemoMIB somewhere else than net-snmp's.
        const string ownDemo = """
            UCD-DEMO-MIB DEFINITIONS ::= BEGIN
            IMPORTS enterprises FROM SNMPv2-SMI;
            ucdDemoMIB OBJECT IDENTIFIER ::= { enterprises 99998 }
            END
            """;

        await UploadAsync(engine, alpha, "drm-test.tgz", TestArchives.Of(("DRM-TEST-TC.txt", TestMibs.Tc), ("DRM-TEST-MIB.txt", TestMibs.Mib), ("UCD-DEMO-MIB.txt", ownDemo)));

        (await mibs.FindAsync(alpha, "UCD-DEMO-MIB::ucdDemoMIB", default)).ShouldNotBeNull().Oid.ShouldBe("1.3.6.1.4.1.99998");
        (await mibs.FindAsync(alpha, "UCD-DEMO-MIB::ucdDemoPublic", default)).ShouldBeNull();
        (await AllModulesAsync(mibs, alpha)).Where(m => m.Name == "UCD-DEMO-MIB").ShouldHaveSingleItem().IsGlobal.ShouldBeFalse();

        (await mibs.FindAsync(beta, "UCD-DEMO-MIB::ucdDemoMIB", default)).ShouldNotBeNull().Oid.ShouldBe("1.3.6.1.4.1.2021.14");
        (await mibs.FindAsync(beta, "DRM-TEST-MIB::drmTestScalar", default)).ShouldBeNull();
        (await mibs.FindAsync(beta, "1.3.6.1.4.1.99999.1.1.0", default)).ShouldNotBeNull().FullName.ShouldBe("SNMPv2-SMI::enterprises");
        (await AllModulesAsync(mibs, beta)).ShouldAllBe(m => m.IsGlobal);
        var alphaModule = (await AllModulesAsync(mibs, alpha)).Single(m => m.Name == "DRM-TEST-MIB");
        (await mibs.GetModuleAsync(beta, alphaModule.Id, default)).ShouldBeNull();
        (await mibs.ListOidsAsync(beta, alphaModule.Id, null, null, new PageRequest(), default)).TotalCount.ShouldBe(0);
        (await mibs.DeleteModuleAsync(beta, alphaModule.Id, default)).ShouldBeFalse();

        // Results are named by the caller's own modules first.
        var catalog = engine.Get<MibCatalog>();
        (await catalog.ForTenantAsync(alpha, default)).NameOf("1.3.6.1.4.1.99999.1.1.0").ShouldBe("DRM-TEST-MIB::drmTestScalar.0");
        (await catalog.ForTenantAsync(alpha, default)).DisplayValueOf("1.3.6.1.4.1.99999.1.2.0", "INTEGER", "2").ShouldBe("high(2)");
        (await catalog.ForTenantAsync(beta, default)).NameOf("1.3.6.1.4.1.99999.1.1.0").ShouldBe("SNMPv2-SMI::enterprises.99999.1.1.0");
    }

    [Fact]
    public async Task DeletingAGlobalModule_IsForbidden_AndDeletingAnImportLeavesItsImportersUnresolved()
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var mibs = engine.Get<MibService>();
        await UploadAsync(engine, alpha, "drm-test.tar.gz", TestArchives.Of(("DRM-TEST-TC.txt", TestMibs.Tc), ("DRM-TEST-MIB.txt", TestMibs.Mib)));
        var modules = await AllModulesAsync(mibs, alpha);

        var global = modules.First(m => m.IsGlobal);
        (await Should.ThrowAsync<DrmException>(() => mibs.DeleteModuleAsync(alpha, global.Id, default))).Code.ShouldBe(DrmErrorCode.Forbidden);
        (await mibs.GetModuleAsync(alpha, global.Id, default)).ShouldNotBeNull();
        var viewer = alpha with { Role = UserRole.Viewer };
        var tc = modules.Single(m => m.Name == "DRM-TEST-TC");
        (await Should.ThrowAsync<DrmException>(() => mibs.DeleteModuleAsync(viewer, tc.Id, default))).Code.ShouldBe(DrmErrorCode.Forbidden);

        (await mibs.DeleteModuleAsync(alpha, tc.Id, default)).ShouldBeTrue();

        (await mibs.GetModuleAsync(alpha, tc.Id, default)).ShouldBeNull();
        var importer = (await AllModulesAsync(mibs, alpha)).Single(m => m.Name == "DRM-TEST-MIB");
        importer.Status.ShouldBe(MibModuleStatus.Unresolved);
        (await mibs.FindAsync(alpha, "DRM-TEST-MIB::drmTestScalar", default)).ShouldBeNull();
        (await mibs.DeleteModuleAsync(alpha, tc.Id, default)).ShouldBeFalse();
    }

    [Fact]
    public async Task AnArchiveOfDozensOfCorpusModules_IsStoredWhole()
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var mibs = engine.Get<MibService>();
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Shared, "data", "mibs", "rfc")).Order(StringComparer.Ordinal).Take(60)
            .Select(f => ($"rfc/{Path.GetFileName(f)}", File.ReadAllText(f))).ToArray();
        var expected = files.SelectMany(f => MibParser.Parse(f.Item2, f.Item1, [])).Select(m => m.Name).Distinct().ToList();
        expected.Count.ShouldBeGreaterThan(40);

        var job = await UploadAsync(engine, alpha, "rfc.tar.gz", TestArchives.Of(files));

        job.Status.ShouldBe(JobStatus.Completed, job.ErrorMessage);
        var own = (await AllModulesAsync(mibs, alpha)).Where(m => !m.IsGlobal).ToList();
        own.Select(m => m.Name).ShouldBe(expected, ignoreOrder: true);
        own.ShouldAllBe(m => m.Status != MibModuleStatus.Errors);
        own.Sum(m => m.OidCount).ShouldBeGreaterThan(1_000);
        (await mibs.FindAsync(alpha, "ADSL-LINE-MIB::adslLineCoding", default)).ShouldNotBeNull().Oid.ShouldBe("1.3.6.1.2.1.10.94.1.1.1.1.1");
    }

    [Fact]
    public async Task AFileWithNulCharacters_IsStored_AsItsTextWithoutThem()
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var damaged = TestMibs.Tc.Replace("A level.", "A le\0vel.", StringComparison.Ordinal);

        var job = await UploadAsync(engine, alpha, "DRM-TEST-TC.txt", Encoding.UTF8.GetBytes(damaged));

        job.Status.ShouldBe(JobStatus.Completed, job.ErrorMessage);
        (await engine.Get<MibService>().FindAsync(alpha, "DRM-TEST-TC::drmTest", default)).ShouldNotBeNull();
    }

    public static TheoryData<string, string, string> RefusedUploads() => new()
    {
        { "traversal", "evil.tar.gz", "outside the archive" },
        { "absolute", "evil.tar.gz", "outside the archive" },
        { "symlink", "evil.tar.gz", "is a link" },
        { "hardlink", "evil.tar.gz", "is a link" },
        { "bomb", "bomb.tar.gz", "inflates to more than" },
        { "too many files", "many.tar.gz", "more than 2,000 files" },
        { "not gzip", "plain.tar.gz", "not a readable .tar.gz" },
        { "empty", "empty.tar.gz", "holds no files" },
        { "zip", "mibs.zip", "upload a .mib" },
        { "too large", "huge.mib", "uploads are limited" },
    };

    [Theory]
    [MemberData(nameof(RefusedUploads))]
    public async Task ABadUpload_IsRefusedWhole_AndStoresNothing(string kind, string fileName, string reason)
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var good = Encoding.UTF8.GetBytes(TestMibs.Tc);
        var content = kind switch
        {
            "traversal" => TestArchives.Build(w => { w.WriteEntry(TestArchives.File("ok/DRM-TEST-TC.txt", good)); w.WriteEntry(TestArchives.File("../../etc/evil.mib", good)); }),
            "absolute" => TestArchives.Build(w => w.WriteEntry(TestArchives.File("/tmp/evil.mib", good))),
            "symlink" => TestArchives.Build(w => { w.WriteEntry(TestArchives.File("DRM-TEST-TC.txt", good)); w.WriteEntry(TestArchives.Link("passwd.mib", "/etc/passwd")); }),
            "hardlink" => TestArchives.Build(w => w.WriteEntry(TestArchives.Link("passwd.mib", "/etc/passwd", TarEntryType.HardLink))),
            "bomb" => TestArchives.Build(w =>
            {
                for (var i = 0; i < 3; i++)
                {
                    w.WriteEntry(TestArchives.File($"zeros-{i}.mib", new byte[9 * 1024 * 1024]));
                }
            }),
            "too many files" => TestArchives.Build(w =>
            {
                for (var i = 0; i <= MibUploadReader.MaxFiles; i++)
                {
                    w.WriteEntry(TestArchives.File($"m{i}.mib", good));
                }
            }),
            "not gzip" => good,
            "empty" => TestArchives.Build(w => w.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "mibs/"))),
            "zip" => good,
            "too large" => new byte[MibUploadReader.MaxUploadBytes + 1],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = await Should.ThrowAsync<DrmException>(() => engine.Get<MibService>().UploadAsync(alpha, fileName, content, default));

        error.Code.ShouldBe(DrmErrorCode.BadUserInput);
        error.Message.ShouldContain(reason);
        await using var owner = await engine.OpenOwnerConnectionAsync();
        (await ScalarAsync<long>(owner, "SELECT count(*) FROM jobs")).ShouldBe(0);
        (await ScalarAsync<long>(owner, "SELECT count(*) FROM job_uploads")).ShouldBe(0);
        (await ScalarAsync<long>(owner, "SELECT count(*) FROM mib_modules WHERE tenant_id IS NOT NULL")).ShouldBe(0);
    }

    [Fact]
    public async Task AnUploadWithNoModule_FailsItsJobWithMibParseError_AndLeavesTheTenantsModulesAsTheyWere()
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var mibs = engine.Get<MibService>();
        await UploadAsync(engine, alpha, "DRM-TEST-TC.txt", Encoding.UTF8.GetBytes(TestMibs.Tc));
        var before = (await AllModulesAsync(mibs, alpha)).Single(m => m.Name == "DRM-TEST-TC");

        var job = await UploadAsync(engine, alpha, "notes.txt", Encoding.UTF8.GetBytes("These are my notes, not a MIB."));

        job.Status.ShouldBe(JobStatus.Failed);
        job.ErrorType.ShouldBe(JobErrorTypes.MibParse);
        job.ErrorMessage.ShouldNotBeNull().ShouldContain("notes.txt holds no MIB module");
        var after = (await AllModulesAsync(mibs, alpha)).Single(m => m.Name == "DRM-TEST-TC");
        (after.Id, after.UpdatedAt, after.Status, after.OidCount, after.JobId).ShouldBe((before.Id, before.UpdatedAt, before.Status, before.OidCount, before.JobId));
        await using var owner = await engine.OpenOwnerConnectionAsync();
        (await ScalarAsync<long>(owner, "SELECT count(*) FROM job_uploads")).ShouldBe(0, "a file that will never parse is not kept");
    }

    private async Task<EngineScope> StartAsync()
    {
        var engine = await fixture.StartEngineAsync();
        await engine.Get<MibCatalogLoader>().Stored;
        return engine;
    }

    internal static async Task<Job> UploadAsync(EngineScope engine, TenantContext caller, string fileName, byte[] content)
    {
        var jobs = engine.Get<JobService>();
        var job = await engine.Get<MibService>().UploadAsync(caller, fileName, content, default);
        job.Kind.ShouldBe(JobKind.MibParse);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!job.IsFinished)
        {
            clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
            await Task.Delay(20);
            job = (await jobs.GetAsync(caller, job.Id, default))!;
        }

        return job;
    }

    private static async Task<List<MibModuleRecord>> AllModulesAsync(MibService mibs, TenantContext caller)
    {
        var all = new List<MibModuleRecord>();
        string? after = null;
        while (true)
        {
            var page = await mibs.ListModulesAsync(caller, null, new PageRequest(PageRequest.MaxSize, after), default);
            all.AddRange(page.Items);
            if (!page.HasNextPage)
            {
                return all;
            }

            after = page.Cursors[^1];
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
