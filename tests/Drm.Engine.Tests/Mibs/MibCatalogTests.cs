using Drm.Engine.Mibs;
using Drm.TestUtils;
using Microsoft.Extensions.Logging.Abstractions;

namespace Drm.Engine.Tests.Mibs;

public sealed class MibCatalogTests(EngineDatabaseFixture fixture)
{
    [Fact]
    public async Task TheGlobalMibs_AreLoadedWhenTheEngineStarts_BeforeAnyoneAsks()
    {
        await using var engine = await fixture.StartEngineAsync();
        var catalog = engine.Get<MibCatalog>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!catalog.IsLoaded && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }

        catalog.IsLoaded.ShouldBeTrue();
    }

    [Fact]
    public void NamesAndDisplayValues_ComeFromTheFolders_AndAMissingFolderIsSkipped()
    {
        var options = new EngineOptions
        {
            Database = new Drm.Engine.Storage.DatabaseOptions { ConnectionString = "Host=unused" },
            CredentialsKey = EngineDatabaseFixture.CredentialsKey,
            MibDirectories = [Path.Combine(RepositoryPaths.Shared, "data", "mibs", "rfc"), "/no/such/mib/folder"],
        };
        var catalog = new MibCatalog(options, new Drm.Engine.Storage.TenantDatabase(Npgsql.NpgsqlDataSource.Create("Host=unused")), NullLogger<MibCatalog>.Instance);

        catalog.NameOf("1.3.6.1.2.1.2.2.1.7.4").ShouldBe("IF-MIB::ifAdminStatus.4");
        catalog.DisplayValueOf("1.3.6.1.2.1.2.2.1.7.4", "INTEGER", "2").ShouldBe("down(2)");
        catalog.DisplayValueOf("1.3.6.1.2.1.2.2.1.6.4", "Hex-STRING", "001B21000004").ShouldBe("0:1b:21:0:0:4");
        catalog.DisplayValueOf("1.3.6.1.2.1.2.2.1.2.4", "STRING", "eth3").ShouldBeNull();
        // Below the deepest known node, as net-snmp prints it; nothing above "2.999" is known at all.
        catalog.NameOf("1.3.6.1.4.1.99999.1").ShouldBe("SNMPv2-SMI::enterprises.99999.1");
        catalog.NameOf("2.999.1").ShouldBeNull();
        catalog.NameOf("not an oid").ShouldBeNull();
    }
}
