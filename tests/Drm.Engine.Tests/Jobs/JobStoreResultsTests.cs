using Drm.Engine.Devices;
using Drm.Engine.Jobs;
using Drm.Engine.Paging;
using Drm.Engine.Tenancy;
using Drm.Protocols.Snmp;
using Npgsql;

namespace Drm.Engine.Tests.Jobs;

/// <summary>The results COPY path against PostgreSQL: what goes in comes back byte for byte, whatever its size.</summary>
public sealed class JobStoreResultsTests(EngineDatabaseFixture fixture)
{
    [Fact]
    public async Task WriteResults_StoresAwkwardRowsExactly_AcrossChunkBoundaries()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("alpha");
        var ticket = await JobAsync(scope, admin);
        var longest = ObjectIdentifier.Parse("1.3." + string.Join('.', Enumerable.Repeat(uint.MaxValue, ObjectIdentifier.MaxArcs - 2)));
        var rows = new List<VarBind>
        {
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.1.1.0"), SnmpValue.OctetString("")),
            new(ObjectIdentifier.Parse("1.3.6.1.2.1.1.5.0"), SnmpValue.OctetString("Zürich — 東京 ✓")),
            new(longest, SnmpValue.Counter64(ulong.MaxValue)),
            // Larger than a 64 KB chunk on its own.
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.99.1.0"), SnmpValue.OctetString(new string('x', 200_000))),
            new(ObjectIdentifier.Parse("1.3.6.1.4.1.99.2.0"), SnmpValue.Integer(int.MinValue)),
        };
        // Enough small rows to fill several chunks around the large one.
        rows.AddRange(Enumerable.Range(1, 3_000).Select(i => new VarBind(
            ObjectIdentifier.Parse($"1.3.6.1.2.1.2.2.1.2.{i}"), SnmpValue.OctetString($"GigabitEthernet0/{i} uplink to rack {i % 40}"))));

        await scope.Get<JobStore>().WriteResultsAsync(ticket, 1, rows[..2], default);
        await scope.Get<JobStore>().WriteResultsAsync(ticket, 3, rows[2..], default);

        var stored = new List<JobResult>();
        string? after = null;
        do
        {
            var page = await scope.Get<JobService>().ResultsAsync(admin, ticket.JobId, null, new PageRequest(PageRequest.MaxSize, after), default);
            stored.AddRange(page.Items);
            after = page.HasNextPage ? page.Cursors[^1] : null;
        }
        while (after is not null);

        stored.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, rows.Count).Select(i => (long)i));
        stored.Select(r => (r.Oid, r.Type, r.Value)).ShouldBe(rows.Select(r => (r.Oid.ToString(), r.Value.TypeName, r.Value.ToString())));
    }

    [Fact]
    public async Task WriteResults_ThatFailsMidway_LeavesNoRowsAndTheConnectionUsable()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("alpha");
        var ticket = await JobAsync(scope, admin);
        var store = scope.Get<JobStore>();
        await store.WriteResultsAsync(ticket, 1, [new(ObjectIdentifier.Parse("1.3.6.1.2.1.1.5.0"), SnmpValue.OctetString("gw"))], default);

        // Sequence 1 again: the primary key refuses the whole group, including the rows before the duplicate.
        var duplicate = Enumerable.Range(0, 5_000).Select(i => new VarBind(ObjectIdentifier.Parse($"1.3.6.1.2.1.2.2.1.1.{i}"), SnmpValue.Integer(i))).ToList();
        var error = await Should.ThrowAsync<DrmException>(() => store.WriteResultsAsync(ticket, -4_998, duplicate, default));
        error.Code.ShouldBe(DrmErrorCode.BadUserInput);

        await store.WriteResultsAsync(ticket, 2, [new(ObjectIdentifier.Parse("1.3.6.1.2.1.1.6.0"), SnmpValue.OctetString("lab"))], default);
        var page = await scope.Get<JobService>().ResultsAsync(admin, ticket.JobId, null, new PageRequest(10, null), default);
        page.Items.Select(r => (r.Sequence, r.Value)).ShouldBe([(1L, "gw"), (2L, "lab")]);
    }

    // A job row written as the engine writes it; the actor system does not run in this scope, so nothing picks it up.
    private static async Task<JobTicket> JobAsync(EngineScope scope, TenantContext admin)
    {
        var device = await scope.Get<DeviceService>().CreateAsync(admin, new CreateDeviceInput("gw", "192.0.2.1"), default);
        var jobId = Guid.CreateVersion7();
        await using var connection = await scope.OpenAppConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var context = new NpgsqlCommand("SELECT app.set_current_tenant($1::uuid)", connection))
        {
            context.Parameters.Add(new() { Value = admin.TenantId });
            await context.ExecuteNonQueryAsync();
        }

        await using (var insert = new NpgsqlCommand(
            "INSERT INTO jobs (id, tenant_id, device_id, kind, status, created_by) VALUES ($1, $2, $3, 'SNMP_BULKWALK', 'RUNNING', $4)", connection))
        {
            insert.Parameters.Add(new() { Value = jobId });
            insert.Parameters.Add(new() { Value = admin.TenantId });
            insert.Parameters.Add(new() { Value = device.Id });
            insert.Parameters.Add(new() { Value = admin.UserId });
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return new JobTicket(jobId, admin.TenantId, admin.UserId, device.Id);
    }
}
