using System.Globalization;
using Drm.Engine.Credentials;
using Drm.Engine.Devices;
using Drm.Engine.Storage;
using Drm.TestUtils;
using Npgsql;

namespace Drm.Engine.Tests.Storage;

public sealed class RowLevelSecurityTests(EngineDatabaseFixture fixture)
{
    private static readonly string[] TenantTables =
        ["tenants", "users", "devices", "snmp_credentials", "webpa_endpoints", "tr069_endpoints", "usp_endpoints", "jobs", "job_results", "job_events", "job_uploads"];

    // Tables that also hold global rows (tenant_id NULL) every tenant reads.
    private static readonly string[] CatalogTables = ["mib_modules", "mib_oids", "tr181_models", "tr181_parameters"];

    [Fact]
    public async Task EveryTableButTheResultRowsPartition_HasRowLevelSecurityEnabledAndForced()
    {
        await using var scope = await fixture.CreateScopeAsync();
        await using var connection = await scope.OpenSuperuserConnectionAsync();
        await using var command = new NpgsqlCommand(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace " +
            "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'schemaversions'", connection);
        var tables = new Dictionary<string, (bool Enabled, bool Forced)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables[reader.GetString(0)] = (reader.GetBoolean(1), reader.GetBoolean(2));
            }
        }

        tables.Keys.ShouldBe(TenantTables.Concat(CatalogTables), ignoreOrder: true);
        foreach (var (table, flags) in tables)
        {
            flags.ShouldBe((true, true), $"table {table}");
        }

        // The one partition in the schema is where results are copied to; the test below proves how it is held.
        await using var partitions = new NpgsqlCommand(
            "SELECT string_agg(c.relname, ',') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relispartition AND c.relkind = 'r'",
            connection);
        (await partitions.ExecuteScalarAsync()).ShouldBe("job_results_rows");
    }

    [Fact]
    public async Task ResultRowsPartition_TakesCopiesOnlyOfTheCurrentTenantsRowsAndCannotBeReadAroundThePolicy()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var alpha = await scope.CreateTenantAsync("alpha");
        var beta = await scope.CreateTenantAsync("beta");
        await using var connection = await scope.OpenAppConnectionAsync();

        async Task<ulong> CopyAsync(Guid? context, Guid rowTenant, long seq)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            if (context is { } tenant)
            {
                await SetTenantAsync(connection, tenant);
            }

            await using var import = await connection.BeginBinaryImportAsync("COPY job_results_rows (job_id, seq, tenant_id, oid, type, value) FROM STDIN (FORMAT BINARY)");
            await import.StartRowAsync();
            await import.WriteAsync(Guid.Empty, NpgsqlTypes.NpgsqlDbType.Uuid);
            await import.WriteAsync(seq, NpgsqlTypes.NpgsqlDbType.Bigint);
            await import.WriteAsync(rowTenant, NpgsqlTypes.NpgsqlDbType.Uuid);
            await import.WriteAsync("1.3.6.1.2.1.1.5.0", NpgsqlTypes.NpgsqlDbType.Text);
            await import.WriteAsync("STRING", NpgsqlTypes.NpgsqlDbType.Text);
            await import.WriteAsync("gw", NpgsqlTypes.NpgsqlDbType.Text);
            var copied = await import.CompleteAsync();
            await import.DisposeAsync();
            await transaction.CommitAsync();
            return copied;
        }

        (await CopyAsync(alpha.TenantId, alpha.TenantId, 1)).ShouldBe(1UL);
        // Another tenant's row, or a row with no tenant in context, breaks the partition's CHECK.
        (await Should.ThrowAsync<PostgresException>(() => CopyAsync(alpha.TenantId, beta.TenantId, 2))).SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        (await Should.ThrowAsync<PostgresException>(() => CopyAsync(null, beta.TenantId, 3))).SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        // The parent, which carries the policy, refuses COPY outright.
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await SetTenantAsync(connection, alpha.TenantId);
            var refused = await Should.ThrowAsync<PostgresException>(() => connection.BeginBinaryImportAsync("COPY job_results (job_id, seq, tenant_id, oid, type, value) FROM STDIN (FORMAT BINARY)"));
            refused.SqlState.ShouldBe(PostgresErrorCodes.FeatureNotSupported);
        }

        // The partition is write-only for the service: reads, changes and RETURNING go through the policy or nowhere.
        foreach (var sql in (string[])[
            "SELECT count(*) FROM job_results_rows",
            "UPDATE job_results_rows SET value = 'x'",
            "DELETE FROM job_results_rows",
            "TRUNCATE job_results_rows",
            "INSERT INTO job_results_rows (job_id, seq, tenant_id, oid, type, value) VALUES (gen_random_uuid(), 1, app.current_tenant(), 'o', 't', 'v') RETURNING value"])
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await SetTenantAsync(connection, alpha.TenantId);
            await using var command = new NpgsqlCommand(sql, connection);
            (await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync(), sql)).SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege, sql);
        }

        // Through the parent each tenant sees its own row only.
        foreach (var (tenant, expected) in ((Guid, long)[])[(alpha.TenantId, 1), (beta.TenantId, 0)])
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await SetTenantAsync(connection, tenant);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM job_results", connection);
            ((long)(await count.ExecuteScalarAsync())!).ShouldBe(expected);
        }
    }

    [Fact]
    public async Task ServiceRole_CannotBypassRowLevelSecurity()
    {
        await using var scope = await fixture.CreateScopeAsync();
        await using var connection = await scope.OpenSuperuserConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1", connection);
        command.Parameters.Add(new() { Value = PostgresServer.AppRole });
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetBoolean(0).ShouldBeFalse();
        reader.GetBoolean(1).ShouldBeFalse();
    }

    [Fact]
    public async Task ServiceRoleWithoutTenantContext_SeesNoRowsInAnyTable()
    {
        await using var scope = await fixture.CreateScopeAsync();
        await SeedEverythingAsync(scope, "alpha");
        await SeedEverythingAsync(scope, "beta");

        await using var connection = await scope.OpenAppConnectionAsync();
        foreach (var table in TenantTables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            ((long)(await command.ExecuteScalarAsync())!).ShouldBe(0, table);
        }

        // The rows are there: the superuser (who bypasses RLS) counts them.
        await using var super = await scope.OpenSuperuserConnectionAsync();
        foreach (var table in TenantTables)
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", super);
            ((long)(await command.ExecuteScalarAsync())!).ShouldBeGreaterThanOrEqualTo(2, table);
        }
    }

    [Fact]
    public async Task ServiceRoleInOneTenant_CannotReadChangeOrInsertAnotherTenantsRows()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var alphaDevice = await SeedEverythingAsync(scope, "alpha");
        var beta = await SeedEverythingAsync(scope, "beta");

        await using var connection = await scope.OpenAppConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await SetTenantAsync(connection, beta.TenantId);

        await using (var read = new NpgsqlCommand("SELECT count(*) FROM devices WHERE tenant_id = $1", connection))
        {
            read.Parameters.Add(new() { Value = alphaDevice.TenantId });
            ((long)(await read.ExecuteScalarAsync())!).ShouldBe(0);
        }

        await using (var update = new NpgsqlCommand("UPDATE devices SET name = 'stolen' WHERE id = $1", connection))
        {
            update.Parameters.Add(new() { Value = alphaDevice.Id });
            (await update.ExecuteNonQueryAsync()).ShouldBe(0);
        }

        await using (var insert = new NpgsqlCommand(
            "INSERT INTO devices (id, tenant_id, name, address) VALUES (gen_random_uuid(), $1, 'planted', '192.0.2.9')", connection))
        {
            insert.Parameters.Add(new() { Value = alphaDevice.TenantId });
            var error = await Should.ThrowAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
            error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        }
    }

    [Fact]
    public async Task CredentialForAnotherTenantsDevice_IsRefusedByTheDatabase()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var alpha = await scope.CreateTenantAsync("alpha");
        var alphaDevice = await scope.Get<DeviceService>().CreateAsync(alpha, new CreateDeviceInput("bare", "192.0.2.7"), default);
        var beta = await SeedEverythingAsync(scope, "beta");

        await using var connection = await scope.OpenAppConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await SetTenantAsync(connection, beta.TenantId);

        // Foreign keys bypass RLS, so the key includes the tenant: a guessed device id of another tenant does not match.
        await using var insert = new NpgsqlCommand(
            "INSERT INTO webpa_endpoints (device_id, tenant_id, base_url, cpe_id, auth_type, timeout_ms) " +
            "VALUES ($1, $2, 'http://x', 'mac:1', 'none', 1000)", connection);
        insert.Parameters.Add(new() { Value = alphaDevice.Id });
        insert.Parameters.Add(new() { Value = beta.TenantId });
        var error = await Should.ThrowAsync<PostgresException>(() => insert.ExecuteNonQueryAsync());
        error.SqlState.ShouldBe(PostgresErrorCodes.ForeignKeyViolation);
    }

    [Fact]
    public async Task TenantSlugLookup_AnswersTheServiceRoleWithoutShowingItTheTenantsTable()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var alpha = await SeedEverythingAsync(scope, "alpha");
        await using var connection = await scope.OpenAppConnectionAsync();
        await using (var lookup = new NpgsqlCommand("SELECT app.tenant_id_by_slug('alpha')", connection))
        {
            (await lookup.ExecuteScalarAsync()).ShouldBe(alpha.TenantId);
        }

        await using var list = new NpgsqlCommand("SELECT count(*) FROM tenants", connection);
        ((long)(await list.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [Fact]
    public async Task Migrate_SecondRun_AppliesNothing()
    {
        await using var scope = await fixture.CreateScopeAsync();
        DatabaseMigrator.Migrate(scope.Server.OwnerConnectionString(scope.Database), PostgresServer.AppRole).ShouldBeEmpty();
        await using var dataSource = NpgsqlDataSource.Create(scope.Server.AppConnectionString(scope.Database));
        (await DatabaseMigrator.IsUpToDateAsync(dataSource, default)).ShouldBeTrue();
    }

    [Fact]
    public async Task ResultsStoredBeforeTheRowsPartition_SurviveTheMigrationToIt()
    {
        var name = $"drm_migration_{Guid.NewGuid():N}";
        await fixture.Server.CreateDatabaseAsync(name);
        var before = DatabaseMigrator.ScriptNames.ToList().FindIndex(n => n.EndsWith("0005_job_results_copy.sql", StringComparison.Ordinal));
        before.ShouldBeGreaterThan(0);
        DatabaseMigrator.Migrate(fixture.Server.OwnerConnectionString(name), PostgresServer.AppRole, log: null, scriptCount: before);
        var (alpha, beta) = (Guid.NewGuid(), Guid.NewGuid());
        var job = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(fixture.Server.AppConnectionString(name));
        await connection.OpenAsync();
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await SetTenantAsync(connection, alpha);
            await using var insert = new NpgsqlCommand(
                "INSERT INTO job_results (job_id, seq, oid, type, value) SELECT $1, g, '1.3.6.1.2.1.2.2.1.2.' || g, 'STRING', 'if' || g FROM generate_series(1, 3) g",
                connection);
            insert.Parameters.Add(new() { Value = job });
            (await insert.ExecuteNonQueryAsync()).ShouldBe(3);
            await transaction.CommitAsync();
        }

        DatabaseMigrator.Migrate(fixture.Server.OwnerConnectionString(name), PostgresServer.AppRole).ShouldContain(n => n.EndsWith("0005_job_results_copy.sql", StringComparison.Ordinal));

        foreach (var (tenant, expected) in ((Guid, string)[])[(alpha, "1.3.6.1.2.1.2.2.1.2.1 if1,1.3.6.1.2.1.2.2.1.2.2 if2,1.3.6.1.2.1.2.2.1.2.3 if3"), (beta, "")])
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await SetTenantAsync(connection, tenant);
            await using var read = new NpgsqlCommand("SELECT coalesce(string_agg(oid || ' ' || value, ',' ORDER BY seq), '') FROM job_results WHERE job_id = $1", connection);
            read.Parameters.Add(new() { Value = job });
            (await read.ExecuteScalarAsync()).ShouldBe(expected);
        }
    }

    [Fact]
    public async Task MibRows_AreSeenByTheirTenantOnly_AndGlobalRowsAreReadByAllButWrittenByThePlatformOnly()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var alpha = await scope.CreateTenantAsync("alpha");
        var beta = await scope.CreateTenantAsync("beta");
        await using var connection = await scope.OpenAppConnectionAsync();

        Task<long> ExecuteAsync(Guid? tenant, bool platform, string sql) => ExecuteInContextAsync(connection, tenant, platform, sql);

        const string Module = "INSERT INTO mib_modules (id, tenant_id, name, file_name, language, status, source, source_sha256) " +
                              "VALUES (gen_random_uuid(), {0}, '{1}', 'f.mib', 'SMIv2', 'OK', '', '\\x00')";
        const string Oid = "INSERT INTO mib_oids (module_id, tenant_id, module, name, oid, kind) " +
                           "SELECT id, tenant_id, name, 'n', '{{1,3}}', 'NODE' FROM mib_modules WHERE name = '{0}'";
        await ExecuteAsync(Guid.Empty, platform: true, string.Format(CultureInfo.InvariantCulture, Module, "NULL", "GLOBAL-MIB"));
        await ExecuteAsync(Guid.Empty, platform: true, string.Format(CultureInfo.InvariantCulture, Oid, "GLOBAL-MIB"));
        await ExecuteAsync(alpha.TenantId, platform: false, string.Format(CultureInfo.InvariantCulture, Module, "app.current_tenant()", "ALPHA-MIB"));
        await ExecuteAsync(alpha.TenantId, platform: false, string.Format(CultureInfo.InvariantCulture, Oid, "ALPHA-MIB"));

        foreach (var table in CatalogTables.Where(t => t.StartsWith("mib_", StringComparison.Ordinal)))
        {
            (await ExecuteAsync(alpha.TenantId, false, $"SELECT count(*) FROM {table}")).ShouldBe(2, table);
            (await ExecuteAsync(beta.TenantId, false, $"SELECT count(*) FROM {table}")).ShouldBe(1, table);
            (await ExecuteAsync(null, false, $"SELECT count(*) FROM {table} WHERE tenant_id IS NOT NULL")).ShouldBe(0, table);
            // A tenant can neither change nor delete global rows, nor another tenant's.
            (await ExecuteAsync(beta.TenantId, false, $"DELETE FROM {table}")).ShouldBe(0, table);
        }

        (await ExecuteAsync(alpha.TenantId, false, "UPDATE mib_modules SET description = 'mine now' WHERE tenant_id IS NULL")).ShouldBe(0);
        var planted = await Should.ThrowAsync<PostgresException>(() =>
            ExecuteAsync(alpha.TenantId, false, string.Format(CultureInfo.InvariantCulture, Module, "NULL", "PLANTED-MIB")));
        planted.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        var foreign = await Should.ThrowAsync<PostgresException>(() =>
            ExecuteAsync(alpha.TenantId, false, string.Format(CultureInfo.InvariantCulture, Module, $"'{beta.TenantId}'", "PLANTED-MIB")));
        foreign.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await ExecuteAsync(alpha.TenantId, false, "SELECT count(*) FROM mib_modules")).ShouldBe(2);
    }

    [Fact]
    public async Task Tr181Rows_AreSeenByTheirTenantOnly_AndGlobalRowsAreReadByAllButWrittenByThePlatformOnly()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var alpha = await scope.CreateTenantAsync("alpha");
        var beta = await scope.CreateTenantAsync("beta");
        await using var connection = await scope.OpenAppConnectionAsync();

        Task<long> ExecuteAsync(Guid? tenant, bool platform, string sql) => ExecuteInContextAsync(connection, tenant, platform, sql);

        const string Model = "INSERT INTO tr181_models (id, tenant_id, name, source, item_count) VALUES (gen_random_uuid(), {0}, '{1}', 's', 1)";
        const string Item = "INSERT INTO tr181_parameters (id, tenant_id, model, kind, path, parent, depth, name, access, status, details, digest) " +
                            "VALUES (gen_random_uuid(), {0}, 'Device', 'PARAMETER', '{1}', 'Device.', 2, 'X', 'READ_ONLY', 'current', '{{}}', '\\x00')";
        await ExecuteAsync(Guid.Empty, platform: true, string.Format(CultureInfo.InvariantCulture, Model, "NULL", "Device"));
        await ExecuteAsync(Guid.Empty, platform: true, string.Format(CultureInfo.InvariantCulture, Item, "NULL", "Device.Global"));
        await ExecuteAsync(alpha.TenantId, platform: false, string.Format(CultureInfo.InvariantCulture, Model, "app.current_tenant()", "Device"));
        await ExecuteAsync(alpha.TenantId, platform: false, string.Format(CultureInfo.InvariantCulture, Item, "app.current_tenant()", "Device.X_ALPHA_Fan"));

        foreach (var table in new[] { "tr181_models", "tr181_parameters", "visible_tr181_parameters" })
        {
            (await ExecuteAsync(alpha.TenantId, false, $"SELECT count(*) FROM {table}")).ShouldBe(2, table);
            (await ExecuteAsync(beta.TenantId, false, $"SELECT count(*) FROM {table}")).ShouldBe(1, table);
            (await ExecuteAsync(null, false, $"SELECT count(*) FROM {table} WHERE tenant_id IS NOT NULL")).ShouldBe(0, table);
        }

        foreach (var table in new[] { "tr181_models", "tr181_parameters" })
        {
            // A tenant can neither change nor delete global rows, nor another tenant's.
            (await ExecuteAsync(beta.TenantId, false, $"DELETE FROM {table}")).ShouldBe(0, table);
            (await ExecuteAsync(beta.TenantId, false, $"UPDATE {table} SET tenant_id = app.current_tenant()")).ShouldBe(0, table);
        }

        var planted = await Should.ThrowAsync<PostgresException>(() =>
            ExecuteAsync(alpha.TenantId, false, string.Format(CultureInfo.InvariantCulture, Item, "NULL", "Device.Planted")));
        planted.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        var foreign = await Should.ThrowAsync<PostgresException>(() =>
            ExecuteAsync(alpha.TenantId, false, string.Format(CultureInfo.InvariantCulture, Item, $"'{beta.TenantId}'", "Device.Planted")));
        foreign.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await ExecuteAsync(alpha.TenantId, false, "SELECT count(*) FROM tr181_parameters")).ShouldBe(2);
    }

    // One transaction with the tenant (if any) and the platform flag set: a SELECT's single value, or the rows changed.
    private static async Task<long> ExecuteInContextAsync(NpgsqlConnection connection, Guid? tenant, bool platform, string sql)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        if (tenant is { } id)
        {
            await SetTenantAsync(connection, id);
        }

        await using (var flag = new NpgsqlCommand("SELECT app.set_platform_admin($1)", connection))
        {
            flag.Parameters.Add(new() { Value = platform });
            await flag.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection);
        var result = sql.StartsWith("SELECT", StringComparison.Ordinal) ? (long)(await command.ExecuteScalarAsync())! : await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return result;
    }

    private static async Task SetTenantAsync(NpgsqlConnection connection, Guid tenantId)
    {
        await using var set = new NpgsqlCommand("SELECT app.set_current_tenant($1::uuid)", connection);
        set.Parameters.Add(new() { Value = tenantId });
        await set.ExecuteNonQueryAsync();
    }

    /// <summary>A tenant with a device carrying every kind of credential.</summary>
    internal static async Task<Device> SeedEverythingAsync(EngineScope scope, string slug)
    {
        var admin = await scope.CreateTenantAsync(slug);
        var device = await scope.Get<DeviceService>().CreateAsync(admin, new CreateDeviceInput($"{slug}-gw", "192.0.2.1", ["lab"]), default);
        var credentials = scope.Get<CredentialService>();
        await credentials.SetSnmpAsync(admin, new SetSnmpCredentialInput(device.Id, "2c", Community: $"{slug}-community"), default);
        await credentials.SetWebPaAsync(admin, new SetWebPaEndpointInput(
            device.Id, "http://tr1d1um:6100/api/v3", "mac:112233445566", new EndpointAuthInput("bearer", Token: $"{slug}-token")), default);
        await credentials.SetTr069Async(admin, new SetTr069EndpointInput(
            device.Id, "http://acs:7557", "202BC1-BM632w-000001", new EndpointAuthInput("basic", "acs", $"{slug}-acs-pw")), default);
        await credentials.SetUspAsync(admin, new SetUspEndpointInput(
            device.Id, "os::012345-AABBCC", "mqtt", "mqtt://127.0.0.1:1883", "usp/agent/1", new EndpointAuthInput("api_key", ApiKey: $"{slug}-key")), default);

        // A finished job with a result row and an event, written as the engine writes them (the actor system is not
        // running in this scope).
        var jobId = Guid.CreateVersion7();
        await using var connection = await scope.OpenAppConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await SetTenantAsync(connection, admin.TenantId);
        foreach (var sql in (string[])[
            "INSERT INTO jobs (id, tenant_id, device_id, kind, status, created_by) VALUES ($1, $2, $3, 'SNMP_GET', 'COMPLETED', $4)",
            "INSERT INTO job_results (job_id, seq, oid, type, value) VALUES ($1, 1, '1.3.6.1.2.1.1.5.0', 'STRING', 'gw')",
            "INSERT INTO job_events (job_id, status, message) VALUES ($1, 'COMPLETED', '1 items.')",
            "INSERT INTO job_uploads (job_id, tenant_id, file_name, content) VALUES ($1, app.current_tenant(), 'x.mib', '\\x00')"])
        {
            await using var insert = new NpgsqlCommand(sql, connection);
            insert.Parameters.Add(new() { Value = jobId });
            if (sql.StartsWith("INSERT INTO jobs ", StringComparison.Ordinal))
            {
                insert.Parameters.Add(new() { Value = admin.TenantId });
                insert.Parameters.Add(new() { Value = device.Id });
                insert.Parameters.Add(new() { Value = admin.UserId });
            }

            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return device;
    }
}
