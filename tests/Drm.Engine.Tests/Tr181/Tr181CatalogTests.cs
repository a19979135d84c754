using System.Text;
using Drm.Engine.Jobs;
using Drm.Engine.Paging;
using Drm.Engine.Tenancy;
using Drm.Engine.Tr181;
using Drm.Mib.Tr181;
using Drm.TestUtils;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Drm.Engine.Tests.Tr181;

/// <summary>The TR-181 catalog in the engine: start-up imports, TR181_IMPORT jobs into PostgreSQL, browsing, tenants, validation.</summary>
public sealed class Tr181CatalogTests(EngineDatabaseFixture fixture)
{
    [Fact]
    public async Task TheModelsOfTr181Sources_AreImportedAtStartUp_WholeAndReadByEveryTenant()
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var beta = await engine.CreateTenantAsync("beta");
        var tr181 = engine.Get<Tr181Service>();
        var model = Tr181Reader.ReadFile(TestTr181.UspFull);
        var expected = model.Objects.Count + model.Parameters.Count + model.Commands.Count + model.Events.Count;

        foreach (var tenant in new[] { alpha, beta })
        {
            var all = await tr181.ListAsync(tenant, new Tr181Filter(), new PageRequest(1), default);
            all.TotalCount.ShouldBe(expected);
            (await tr181.ListAsync(tenant, new Tr181Filter(Kind: Tr181ItemKind.Parameter), new PageRequest(1), default)).TotalCount.ShouldBe(model.Parameters.Count);
            (await tr181.ListAsync(tenant, new Tr181Filter(Kind: Tr181ItemKind.Command), new PageRequest(1), default)).TotalCount.ShouldBe(model.Commands.Count);
            (await tr181.ListAsync(tenant, new Tr181Filter(Kind: Tr181ItemKind.Event), new PageRequest(1), default)).TotalCount.ShouldBe(model.Events.Count);
            var models = await tr181.ModelsAsync(tenant, default);
            models.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
                m => m.Name.ShouldBe("Device"), m => m.Version.ShouldBe("2.19"), m => m.IsGlobal.ShouldBeTrue(), m => m.ItemCount.ShouldBe(expected));
        }

        // Everything the model says survives the round trip through PostgreSQL.
        var ssid = (await tr181.FindAsync(alpha, "Device.WiFi.SSID.3.SSID", default)).ShouldNotBeNull();
        ssid.Path.ShouldBe("Device.WiFi.SSID.{i}.SSID");
        ssid.IsGlobal.ShouldBeTrue();
        ssid.Parent.ShouldBe("Device.WiFi.SSID.{i}.");
        ssid.Parameter.ShouldNotBeNull().ShouldBeEquivalentTo(model.Parameters.Single(p => p.Path == ssid.Path));
        var ping = (await tr181.FindAsync(alpha, "Device.IP.Diagnostics.IPPing()", default)).ShouldNotBeNull();
        ping.Command.ShouldNotBeNull().ShouldBeEquivalentTo(model.Commands.Single(c => c.Path == ping.Path));
        var ssids = (await tr181.FindAsync(alpha, "Device.WiFi.SSID", default)).ShouldNotBeNull();
        ssids.Path.ShouldBe("Device.WiFi.SSID.{i}.");
        ssids.Object.ShouldNotBeNull().ShouldBeEquivalentTo(model.Objects.Single(o => o.Path == ssids.Path));
        (await tr181.GetAsync(beta, ssid.Id, default)).ShouldNotBeNull().Path.ShouldBe(ssid.Path);

        // A second start finds the model unchanged and rewrites nothing.
        await using var owner = await engine.OpenOwnerConnectionAsync();
        var before = await ScalarAsync<DateTime>(owner, "SELECT max(updated_at) FROM tr181_parameters");
        var again = new Tr181CatalogLoader(engine.Get<EngineOptions>(), engine.Get<Drm.Engine.Storage.TenantDatabase>(), NullLogger<Tr181CatalogLoader>.Instance);
        await again.StartAsync(default);
        await again.Stored;
        (await ScalarAsync<DateTime>(owner, "SELECT max(updated_at) FROM tr181_parameters")).ShouldBe(before);
        (await ScalarAsync<long>(owner, "SELECT count(*) FROM tr181_parameters")).ShouldBe(expected);
    }

    [Fact]
    public async Task TheComponentModelUploadedWithItsImports_GivesTheSameCatalogAsTheFlattenedModel()
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var beta = await engine.CreateTenantAsync("beta");
        var tr181 = engine.Get<Tr181Service>();
        // The entry point and the files it imports, as BBF's own .dep file lists them.
        var dependencies = File.ReadLines(Path.Combine(TestTr181.Folder, "tr-181-2-19-1-usp.dep")).Single(l => l.StartsWith("$(call", StringComparison.Ordinal));
        var files = dependencies.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries).Where(w => w.EndsWith(".xml", StringComparison.Ordinal) || w.EndsWith(".xml)", StringComparison.Ordinal))
            .Select(w => Path.GetFileName(w.TrimEnd(')'))).ToList();
        files.Count.ShouldBeGreaterThan(90);
        var archive = TestArchives.Of(files.Select(f => ($"tr181/{f}", File.ReadAllText(Path.Combine(TestTr181.Folder, f)))).ToArray());

        var job = await engine.WaitForJobAsync(alpha, await tr181.ImportAsync(alpha, "tr-181-2-19-1-usp.tar.gz", archive, null, false, default));

        job.Status.ShouldBe(JobStatus.Completed, job.ErrorMessage);
        var own = await AllAsync(tr181, alpha, new Tr181Filter());
        var global = await AllAsync(tr181, beta, new Tr181Filter());
        own.ShouldAllBe(i => !i.IsGlobal);
        global.ShouldAllBe(i => i.IsGlobal);
        own.Select(i => i.Path).ShouldBe(global.Select(i => i.Path));
        // Descriptions are joined differently by BBF's flattening tool; everything else must be identical.
        var differences = own.Zip(global).Where(p => Comparable(p.First) != Comparable(p.Second)).Select(p => p.First.Path).Take(5).ToList();
        differences.ShouldBeEmpty();
    }

    [Fact]
    public async Task SearchTypeAccessAndPrefixFilters_AndPaging_ReturnWhatTheyName()
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var tr181 = engine.Get<Tr181Service>();

        var ssidSearch = await AllAsync(tr181, alpha, new Tr181Filter(Search: "ssid", Kind: Tr181ItemKind.Parameter));
        ssidSearch.Select(i => i.Path).ShouldContain("Device.WiFi.SSID.{i}.SSID");
        ssidSearch.ShouldAllBe(i => i.Path.Contains("SSID", StringComparison.OrdinalIgnoreCase)
                                    || (i.Description ?? "").Contains("ssid", StringComparison.OrdinalIgnoreCase));

        var addresses = await AllAsync(tr181, alpha, new Tr181Filter(PathPrefix: "Device.IP.Interface.1.", Type: "IPv4Address", Access: Tr181Access.ReadWrite));
        addresses.Select(i => i.Path).ShouldContain("Device.IP.Interface.{i}.IPv4Address.{i}.IPAddress");
        addresses.ShouldAllBe(i => i.Path.StartsWith("Device.IP.Interface.{i}.", StringComparison.Ordinal) && i.DataType == "IPv4Address" && i.Access == Tr181Access.ReadWrite);

        // Pages of 7 give the same items, in path order, as one large page.
        var wifi = new Tr181Filter(PathPrefix: "Device.WiFi.Radio.");
        var whole = await tr181.ListAsync(alpha, wifi, new PageRequest(PageRequest.MaxSize), default);
        var paged = new List<Tr181Item>();
        string? after = null;
        do
        {
            var page = await tr181.ListAsync(alpha, wifi, new PageRequest(7, after), default);
            page.TotalCount.ShouldBe(whole.TotalCount);
            paged.AddRange(page.Items);
            after = page.HasNextPage ? page.Cursors[^1] : null;
        }
        while (after is not null);
        paged.Select(i => i.Path).ShouldBe(whole.Items.Select(i => i.Path));
        paged.Select(i => i.Path).ShouldBe(paged.Select(i => i.Path).Order(StringComparer.Ordinal));
        (await tr181.ListAsync(alpha, new Tr181Filter(Search: "100%_\\"), new PageRequest(), default)).TotalCount.ShouldBe(0);
        (await Should.ThrowAsync<DrmException>(() => tr181.ListAsync(alpha, new Tr181Filter(), new PageRequest(10, "nonsense"), default)))
            .Code.ShouldBe(DrmErrorCode.BadUserInput);
    }

    [Fact]
    public async Task TheTree_NestsItemsBySegment_WithChildCounts()
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var tr181 = engine.Get<Tr181Service>();

        var top = await tr181.TreeAsync(alpha, null, 1, default);
        var device = top.ShouldHaveSingleItem();
        device.Item.Path.ShouldBe("Device.");
        device.Children.ShouldBeEmpty();
        device.ChildCount.ShouldBeGreaterThan(50);

        var wifi = await tr181.TreeAsync(alpha, "Device.WiFi", 2, default);
        var ssid = wifi.Single(n => n.Item.Path == "Device.WiFi.SSID.{i}.");
        ssid.Item.Name.ShouldBe("SSID.{i}");
        ssid.Children.Select(c => c.Item.Name).ShouldContain("SSID");
        ssid.ChildCount.ShouldBe(ssid.Children.Count);
        wifi.Single(n => n.Item.Path == "Device.WiFi.RadioNumberOfEntries").ChildCount.ShouldBe(0);
        var model = Tr181Reader.ReadFile(TestTr181.UspFull);
        var expectedUnderSsid = model.Parameters.Count(p => p.ObjectPath == "Device.WiFi.SSID.{i}.")
                                + model.Objects.Count(o => Tr181Path.Parent(o.Path) == "Device.WiFi.SSID.{i}.")
                                + model.Commands.Count(c => Tr181Path.Parent(c.Path) == "Device.WiFi.SSID.{i}.")
                                + model.Events.Count(e => Tr181Path.Parent(e.Path) == "Device.WiFi.SSID.{i}.");
        ssid.ChildCount.ShouldBe(expectedUnderSsid);

        (await Should.ThrowAsync<DrmException>(() => tr181.TreeAsync(alpha, "Device.NoSuchThing.", 1, default))).Message.ShouldContain("no object");
        (await Should.ThrowAsync<DrmException>(() => tr181.TreeAsync(alpha, null, 0, default))).Code.ShouldBe(DrmErrorCode.BadUserInput);
    }

    [Fact]
    public async Task ReimportingANewerVersion_UpdatesInPlace_AndReportsWhatWasAddedChangedAndRemoved()
    {
        await using var engine = await StartAsync(sources: []);
        var alpha = await engine.CreateTenantAsync("alpha");
        var tr181 = engine.Get<Tr181Service>();

        var first = await ImportAsync(engine, alpha, "acme-1.0.xml", TestTr181.Vendor("1.0"));
        first.Status.ShouldBe(JobStatus.Completed, first.ErrorMessage);
        first.ItemsDone.ShouldBe(6);
        var mode = (await tr181.FindAsync(alpha, "Device.X_ACME_Fan.Mode", default)).ShouldNotBeNull();
        (await engine.ResultsAsync(alpha, first)).Count(r => r.Type == "ADDED").ShouldBe(6);

        var second = await ImportAsync(engine, alpha, "acme-1.1.xml", TestTr181.Vendor("1.1"));

        second.Status.ShouldBe(JobStatus.Completed, second.ErrorMessage);
        var results = await engine.ResultsAsync(alpha, second);
        results[0].ShouldSatisfyAllConditions(
            r => r.Type.ShouldBe("SUMMARY"), r => r.Oid.ShouldBe("X_ACME_Device:1.1"),
            r => r.Value.ShouldBe("X_ACME_Device:1.1: 6 items; 1 added, 1 changed, 1 removed, 4 unchanged."));
        results.Skip(1).Select(r => (r.Type, r.Oid, r.Value)).ShouldBe(
            [("ADDED", "Device.X_ACME_Fan.Rpm", "PARAMETER"), ("CHANGED", "Device.X_ACME_Fan.Speed", "PARAMETER"), ("REMOVED", "Device.X_ACME_Fan.Serial", "PARAMETER")],
            ignoreOrder: true);
        (await tr181.FindAsync(alpha, "Device.X_ACME_Fan.Serial", default)).ShouldBeNull();
        (await tr181.FindAsync(alpha, "Device.X_ACME_Fan.Speed", default)).ShouldNotBeNull().Parameter!.Syntax.Ranges.ShouldBe([new Tr181Range(0, 200)]);
        var modeAfter = (await tr181.FindAsync(alpha, "Device.X_ACME_Fan.Mode", default)).ShouldNotBeNull();
        (modeAfter.Id, modeAfter.UpdatedAt).ShouldBe((mode.Id, mode.UpdatedAt), "an unchanged row is not rewritten");
        (await tr181.ModelsAsync(alpha, default)).ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            m => m.Version.ShouldBe("1.1"), m => m.IsGlobal.ShouldBeFalse(), m => m.JobId.ShouldBe(second.Id));
    }

    [Fact]
    public async Task TwoImportsOfOneModelAtOnce_EndWithOneWholeVersion()
    {
        await using var engine = await StartAsync(sources: []);
        var alpha = await engine.CreateTenantAsync("alpha");
        var tr181 = engine.Get<Tr181Service>();

        var jobs = await Task.WhenAll(
            tr181.ImportAsync(alpha, "acme-1.0.xml", Encoding.UTF8.GetBytes(TestTr181.Vendor("1.0")), null, false, default),
            tr181.ImportAsync(alpha, "acme-1.1.xml", Encoding.UTF8.GetBytes(TestTr181.Vendor("1.1")), null, false, default));
        var finished = await Task.WhenAll(jobs.Select(j => engine.WaitForJobAsync(alpha, j)));

        finished.ShouldAllBe(j => j.Status == JobStatus.Completed);
        var version = (await tr181.ModelsAsync(alpha, default)).ShouldHaveSingleItem().Version;
        var paths = (await AllAsync(tr181, alpha, new Tr181Filter())).Select(i => i.Path).ToList();
        paths.Count.ShouldBe(6);
        paths.ShouldContain(version == "1.1" ? "Device.X_ACME_Fan.Rpm" : "Device.X_ACME_Fan.Serial");
        paths.ShouldNotContain(version == "1.1" ? "Device.X_ACME_Fan.Serial" : "Device.X_ACME_Fan.Rpm");
    }

    [Fact]
    public async Task ABrokenOrTruncatedModel_FailsTheJobWithTheReason_AndLeavesTheCatalogIntact()
    {
        await using var engine = await StartAsync(sources: []);
        var alpha = await engine.CreateTenantAsync("alpha");
        var tr181 = engine.Get<Tr181Service>();
        (await ImportAsync(engine, alpha, "acme-1.0.xml", TestTr181.Vendor("1.0"))).Status.ShouldBe(JobStatus.Completed);
        var before = await AllAsync(tr181, alpha, new Tr181Filter());

        var text = TestTr181.Vendor("1.1");
        var truncated = await ImportAsync(engine, alpha, "acme-1.1.xml", text[..(text.Length / 2)]);
        var unknownType = await ImportAsync(engine, alpha, "acme-1.1.xml", text.Replace("ref=\"Percent\"", "ref=\"Percentage\"", StringComparison.Ordinal));
        var notAModel = await ImportAsync(engine, alpha, "page.xml", "<html><body>Not a model</body></html>");
        var withoutImports = await engine.WaitForJobAsync(alpha, await tr181.ImportAsync(
            alpha, "partial.tar.gz", TestArchives.Of(("tr-181-2-19-1-usp.xml", File.ReadAllText(TestTr181.UspComponents))), null, false, default));

        truncated.Status.ShouldBe(JobStatus.Failed);
        truncated.ErrorType.ShouldBe(JobErrorTypes.Tr181Import);
        truncated.ErrorMessage.ShouldNotBeNull().ShouldContain("acme-1.1.xml is not well-formed XML");
        unknownType.ErrorMessage.ShouldNotBeNull().ShouldContain("The data type 'Percentage' is not defined");
        notAModel.ErrorMessage.ShouldNotBeNull().ShouldContain("not a data-model");
        withoutImports.ErrorType.ShouldBe(JobErrorTypes.Tr181Import);
        withoutImports.ErrorMessage.ShouldNotBeNull().ShouldContain("tr-181-2-19-1-usp.xml imports files that are not present beside it: ");
        withoutImports.ErrorMessage.ShouldContain("tr-106-types.xml");
        withoutImports.ErrorMessage.ShouldContain("tr-181-2-wifi-usp.xml");
        var after = await AllAsync(tr181, alpha, new Tr181Filter());
        after.Select(i => (i.Id, i.Path, i.UpdatedAt)).ShouldBe(before.Select(i => (i.Id, i.Path, i.UpdatedAt)));
        (await tr181.ModelsAsync(alpha, default)).ShouldHaveSingleItem().Version.ShouldBe("1.0");
        await using var owner = await engine.OpenOwnerConnectionAsync();
        (await ScalarAsync<long>(owner, "SELECT count(*) FROM job_uploads")).ShouldBe(0, "a model that will never read is not kept");
    }

    [Fact]
    public async Task BadImportRequests_AreRefusedBeforeAnyJobExists()
    {
        await using var engine = await StartAsync(sources: []);
        var alpha = await engine.CreateTenantAsync("alpha");
        var tr181 = engine.Get<Tr181Service>();
        var xml = Encoding.UTF8.GetBytes(TestTr181.Vendor());

        (await Should.ThrowAsync<DrmException>(() => tr181.ImportAsync(alpha, "a.xml", xml, "/etc/passwd", false, default))).Message.ShouldContain("not both");
        (await Should.ThrowAsync<DrmException>(() => tr181.ImportAsync(alpha, null, null, null, false, default))).Message.ShouldContain("neither");
        (await Should.ThrowAsync<DrmException>(() => tr181.ImportAsync(alpha, null, null, "/etc/passwd", false, default))).Message.ShouldContain("TR181_SOURCES");
        (await Should.ThrowAsync<DrmException>(() => tr181.ImportAsync(alpha, "model.zip", xml, null, false, default))).Message.ShouldContain("upload a TR-181");
        (await Should.ThrowAsync<DrmException>(() => tr181.ImportAsync(alpha, "models.tar.gz",
            TestArchives.Of(("a.xml", TestTr181.Vendor("1.0")), ("b.xml", TestTr181.Vendor("1.1"))), null, false, default))).Message.ShouldContain("2 models");
        var global = await Should.ThrowAsync<DrmException>(() => tr181.ImportAsync(alpha, "a.xml", xml, null, true, default));
        global.Code.ShouldBe(DrmErrorCode.Forbidden);
        var viewer = alpha with { Role = Drm.Engine.Users.UserRole.Viewer };
        (await Should.ThrowAsync<DrmException>(() => tr181.ImportAsync(viewer, "a.xml", xml, null, false, default))).Code.ShouldBe(DrmErrorCode.Forbidden);

        await using var owner = await engine.OpenOwnerConnectionAsync();
        (await ScalarAsync<long>(owner, "SELECT count(*) FROM jobs")).ShouldBe(0);
    }

    [Fact]
    public async Task AMissingServerSource_IsLoggedAtStartUp_AndFailsAnImportOfIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"drm-missing-{Guid.NewGuid():N}", "tr-181-2-19-1-usp.xml");
        await using var engine = await StartAsync(sources: [missing]);
        var alpha = await engine.CreateTenantAsync("alpha");
        var tr181 = engine.Get<Tr181Service>();
        (await tr181.ModelsAsync(alpha, default)).ShouldBeEmpty();

        var job = await engine.WaitForJobAsync(alpha, await tr181.ImportAsync(alpha, null, null, missing, false, default));

        job.Status.ShouldBe(JobStatus.Failed);
        job.ErrorType.ShouldBe(JobErrorTypes.Tr181Import);
        job.ErrorMessage.ShouldNotBeNull().ShouldContain("cannot be read");
    }

    [Fact]
    public async Task ATenantsOwnRows_AreSeenByThatTenantOnly_AndTakeTheGlobalPathsPlace()
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var beta = await engine.CreateTenantAsync("beta");
        var tr181 = engine.Get<Tr181Service>();
        // Alpha's model redefines a standard parameter (narrower) and adds its vendor object.
        var own = TestTr181.Vendor().Replace(
            "</model>",
            "<object name=\"Device.WiFi.SSID.{i}.\" access=\"readWrite\" minEntries=\"0\" maxEntries=\"unbounded\">" +
            "<parameter name=\"SSID\" access=\"readWrite\"><syntax><string><size maxLength=\"12\"/></string></syntax></parameter></object></model>",
            StringComparison.Ordinal);

        (await ImportAsync(engine, alpha, "acme.xml", own)).Status.ShouldBe(JobStatus.Completed);

        (await tr181.FindAsync(alpha, "Device.X_ACME_Fan.Speed", default)).ShouldNotBeNull().IsGlobal.ShouldBeFalse();
        (await tr181.FindAsync(beta, "Device.X_ACME_Fan.Speed", default)).ShouldBeNull();
        (await tr181.ListAsync(beta, new Tr181Filter(Search: "X_ACME"), new PageRequest(), default)).TotalCount.ShouldBe(0);
        var alphaSsid = (await tr181.FindAsync(alpha, "Device.WiFi.SSID.{i}.SSID", default)).ShouldNotBeNull();
        alphaSsid.IsGlobal.ShouldBeFalse();
        alphaSsid.Parameter!.Syntax.MaxLength.ShouldBe(12);
        (await tr181.FindAsync(beta, "Device.WiFi.SSID.{i}.SSID", default)).ShouldNotBeNull().Parameter!.Syntax.MaxLength.ShouldBe(32);
        (await tr181.GetAsync(beta, alphaSsid.Id, default)).ShouldBeNull();
        (await tr181.ListAsync(alpha, new Tr181Filter(PathPrefix: "Device.WiFi.SSID.{i}.SSID", Kind: Tr181ItemKind.Parameter), new PageRequest(), default))
            .Items.Count(i => i.Path == "Device.WiFi.SSID.{i}.SSID").ShouldBe(1, "the tenant's row replaces the global one");
        var validation = await tr181.ValidateAsync(alpha, [new("Device.WiFi.SSID.1.SSID", "thirteen-char")], default);
        validation.Single().Errors.Single().Code.ShouldBe(Tr181ErrorCodes.WrongLength);
        (await tr181.ValidateAsync(beta, [new("Device.WiFi.SSID.1.SSID", "thirteen-char")], default)).Single().IsValid.ShouldBeTrue();
        var models = await tr181.ModelsAsync(beta, default);
        models.ShouldHaveSingleItem().IsGlobal.ShouldBeTrue();
    }

    [Fact]
    public async Task DeletingAModel_RemovesItsRowsForItsOwnerOnly()
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var beta = await engine.CreateTenantAsync("beta");
        var tr181 = engine.Get<Tr181Service>();
        (await ImportAsync(engine, alpha, "acme.xml", TestTr181.Vendor())).Status.ShouldBe(JobStatus.Completed);
        (await ImportAsync(engine, beta, "acme.xml", TestTr181.Vendor())).Status.ShouldBe(JobStatus.Completed);
        var before = (await tr181.ListAsync(alpha, new Tr181Filter(), new PageRequest(1), default)).TotalCount;

        (await tr181.DeleteModelAsync(alpha, "X_ACME_Device:1.0", false, default)).ShouldBeTrue();

        (await tr181.FindAsync(alpha, "Device.X_ACME_Fan.Speed", default)).ShouldBeNull();
        (await tr181.ListAsync(alpha, new Tr181Filter(), new PageRequest(1), default)).TotalCount.ShouldBe(before - 6);
        (await tr181.ModelsAsync(alpha, default)).ShouldHaveSingleItem().IsGlobal.ShouldBeTrue();
        (await tr181.FindAsync(beta, "Device.X_ACME_Fan.Speed", default)).ShouldNotBeNull();
        (await tr181.DeleteModelAsync(alpha, "X_ACME_Device", false, default)).ShouldBeFalse();
        // A tenant's delete of the global model's name touches only its own rows (there are none); the global rows stay.
        (await tr181.DeleteModelAsync(alpha, "Device", false, default)).ShouldBeFalse();
        (await tr181.FindAsync(alpha, "Device.WiFi.SSID.1.SSID", default)).ShouldNotBeNull();
        (await Should.ThrowAsync<DrmException>(() => tr181.DeleteModelAsync(alpha, "Device", true, default))).Code.ShouldBe(DrmErrorCode.Forbidden);
        (await tr181.DeleteModelAsync(alpha with { IsPlatformAdmin = true }, "Device:2.19", true, default)).ShouldBeTrue();
        (await tr181.FindAsync(beta, "Device.WiFi.SSID.1.SSID", default)).ShouldBeNull();
    }

    [Fact]
    public async Task AGlobalImportByAPlatformAdministrator_IsReadByEveryTenant()
    {
        await using var engine = await StartAsync(sources: []);
        var alpha = await engine.CreateTenantAsync("alpha");
        var beta = await engine.CreateTenantAsync("beta");
        var platform = alpha with { IsPlatformAdmin = true };

        var job = await engine.Get<Tr181Service>().ImportAsync(platform, "acme.xml", Encoding.UTF8.GetBytes(TestTr181.Vendor()), null, true, default);
        job = await engine.WaitForJobAsync(platform, job);

        job.Status.ShouldBe(JobStatus.Completed, job.ErrorMessage);
        (await engine.Get<Tr181Service>().FindAsync(beta, "Device.X_ACME_Fan.Speed", default)).ShouldNotBeNull().IsGlobal.ShouldBeTrue();
    }

    public static TheoryData<string, string, string?> Proposals() => new()
    {
        { "Device.WiFi.SSID.1.SSID", "home", null },
        { "Device.WiFi.SSID.1.SSID", new string('x', 33), Tr181ErrorCodes.WrongLength },
        { "Device.WiFi.SSID.{i}.SSID", "home", Tr181ErrorCodes.InstanceNumber },
        { "Device.WiFi.SSID.0.SSID", "home", Tr181ErrorCodes.InstanceNumber },
        { "Device.WiFi.SSID.01.SSID", "home", Tr181ErrorCodes.InstanceNumber },
        { "Device.WiFi.SSID.1.NoSuchParameter", "x", Tr181ErrorCodes.UnknownPath },
        { "Device.WiFi.1.SSID", "x", Tr181ErrorCodes.UnknownPath },
        { "Device.WiFi.SSID.1.", "x", Tr181ErrorCodes.NotAParameter },
        { "Device.IP.Diagnostics.IPPing()", "x", Tr181ErrorCodes.NotAParameter },
        { "Device.DeviceInfo.UpTime", "5", Tr181ErrorCodes.NotWritable },
        { "Device.IP.Interface.2.Enable", "true", null },
        { "Device.IP.Interface.2.Enable", "yes", Tr181ErrorCodes.WrongType },
        { "Device.IP.Interface.2.MaxMTUSize", "1500", null },
        { "Device.IP.Interface.2.MaxMTUSize", "20", Tr181ErrorCodes.OutOfRange },
        { "Device.IP.Interface.2.MaxMTUSize", "-1", Tr181ErrorCodes.OutOfRange },
        { "Device.IP.Interface.2.MaxMTUSize", "15x", Tr181ErrorCodes.WrongType },
        { "Device.Ethernet.Interface.1.DuplexMode", "Full", null },
        { "Device.Ethernet.Interface.1.DuplexMode", "full", Tr181ErrorCodes.NotInEnumeration },
        { "Device.IP.Interface.1.IPv4Address.2.IPAddress", "192.168.1.1", null },
        { "Device.IP.Interface.1.IPv4Address.2.IPAddress", "192.168.1.300", Tr181ErrorCodes.PatternMismatch },
        { "Device.IP.Interface.1.LowerLayers", "Device.Ethernet.Interface.1.,Device.PPP.Interface.1.", null },
        { "Device.IP.Interface.1.LowerLayers", "Device.Ethernet.Interface.1.,,Device.PPP.Interface.1.", Tr181ErrorCodes.ListSyntax },
        { "Device.IP.Interface.1.LowerLayers", string.Join(',', Enumerable.Repeat("Device.Ethernet.Interface.1.", 40)), Tr181ErrorCodes.WrongLength },
        { "Device.MoCA.Interface.1.Sapm.1.PhyMargin", "0,60,120", null },
        { "Device.MoCA.Interface.1.Sapm.1.PhyMargin", "0,121", Tr181ErrorCodes.OutOfRange },
        { "Device.LocalAgent.Controller.1.PeriodicNotifTime", "2026-11-29T08:30:00Z", null },
        { "Device.LocalAgent.Controller.1.PeriodicNotifTime", "2026-02-30T08:30:00Z", Tr181ErrorCodes.WrongType },
    };

    [Theory]
    [MemberData(nameof(Proposals))]
    public async Task AProposedValue_IsCheckedAgainstTheModel(string path, string value, string? expectedError)
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");

        var result = (await engine.Get<Tr181Service>().ValidateAsync(alpha, [new(path, value)], default)).ShouldHaveSingleItem();

        result.Path.ShouldBe(path);
        if (expectedError is null)
        {
            result.Errors.ShouldBeEmpty();
            result.IsValid.ShouldBeTrue();
            result.Parameter.ShouldNotBeNull().Kind.ShouldBe(Tr181ItemKind.Parameter);
        }
        else
        {
            result.IsValid.ShouldBeFalse();
            result.Errors.Select(e => e.Code).ShouldContain(expectedError);
            result.Errors.ShouldAllBe(e => e.Message.Length > 0);
        }
    }

    [Fact]
    public async Task ASetJobsCheck_RefusesInvalidValuesWithEveryError_UnlessForced()
    {
        await using var engine = await StartAsync();
        var alpha = await engine.CreateTenantAsync("alpha");
        var tr181 = engine.Get<Tr181Service>();
        Tr181ValueInput[] values = [new("Device.WiFi.SSID.1.SSID", "home"), new("Device.IP.Interface.1.MaxMTUSize", "20"), new("Device.DeviceInfo.UpTime", "1")];

        var refused = await Should.ThrowAsync<DrmException>(() => tr181.RequireValidAsync(alpha, values, force: false, default));

        refused.Code.ShouldBe(DrmErrorCode.BadUserInput);
        refused.Message.ShouldContain("2 of 3 values");
        refused.Message.ShouldContain("Device.IP.Interface.1.MaxMTUSize: OUT_OF_RANGE");
        refused.Message.ShouldContain("Device.DeviceInfo.UpTime: NOT_WRITABLE");
        await tr181.RequireValidAsync(alpha, values, force: true, default);
        await tr181.RequireValidAsync(alpha, values.Take(1).ToList(), force: false, default);
        (await Should.ThrowAsync<DrmException>(() => tr181.ValidateAsync(alpha, Enumerable.Repeat(values[0], Tr181Service.MaxValidateItems + 1).ToList(), default)))
            .Code.ShouldBe(DrmErrorCode.BadUserInput);
    }

    private async Task<EngineScope> StartAsync(IReadOnlyList<string>? sources = null)
    {
        var engine = await fixture.StartEngineAsync(tr181Sources: sources ?? [TestTr181.UspFull]);
        await engine.Get<Tr181CatalogLoader>().Stored;
        return engine;
    }

    private static async Task<Job> ImportAsync(EngineScope engine, TenantContext caller, string fileName, string xml)
    {
        var job = await engine.Get<Tr181Service>().ImportAsync(caller, fileName, Encoding.UTF8.GetBytes(xml), null, false, default);
        job.Kind.ShouldBe(JobKind.Tr181Import);
        return await engine.WaitForJobAsync(caller, job);
    }

    private static async Task<List<Tr181Item>> AllAsync(Tr181Service tr181, TenantContext caller, Tr181Filter filter)
    {
        var all = new List<Tr181Item>();
        string? after = null;
        while (true)
        {
            var page = await tr181.ListAsync(caller, filter, new PageRequest(PageRequest.MaxSize, after), default);
            all.AddRange(page.Items);
            if (!page.HasNextPage)
            {
                return all;
            }

            after = page.Cursors[^1];
        }
    }

    private static string Comparable(Tr181Item item)
    {
        static Tr181Parameter Plain(Tr181Parameter p) => p with { Description = null };
        object? details = item.Kind switch
        {
            Tr181ItemKind.Parameter => Plain(item.Parameter!),
            Tr181ItemKind.Object => item.Object! with { Description = null },
            Tr181ItemKind.Command => item.Command! with { Description = null, Input = item.Command.Input.Select(Plain).ToList(), Output = item.Command.Output.Select(Plain).ToList() },
            _ => item.Event! with { Description = null, Arguments = item.Event.Arguments.Select(Plain).ToList() },
        };
        return System.Text.Json.JsonSerializer.Serialize(new { item.Kind, item.Path, item.Parent, item.Depth, item.Name, item.Access, item.BaseType, item.DataType, item.Status, item.Version, details });
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
