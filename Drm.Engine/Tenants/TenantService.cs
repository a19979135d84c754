using System.Text.RegularExpressions;
using Drm.Engine.Paging;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Npgsql;

namespace Drm.Engine.Tenants;

public sealed partial class TenantService(TenantDatabase database)
{
    private const string Columns = "id, slug, name, created_at, updated_at";

    /// <summary>
    /// Creates a tenant (platform administrators only). The insert runs in the new tenant's own context, so the
    /// row-level security check that applies to every write applies here too; its first admin is created with it.
    /// </summary>
    public async Task<Tenant> CreateAsync(TenantContext caller, CreateTenantInput input, CancellationToken cancellationToken)
    {
        caller.RequirePlatformAdmin();
        var slug = input.Slug.Trim().ToLowerInvariant();
        if (!SlugPattern().IsMatch(slug))
        {
            throw DrmException.BadInput("A tenant slug is 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit.");
        }

        var name = input.Name.Trim();
        if (name.Length is 0 or > 200)
        {
            throw DrmException.BadInput("A tenant name is 1 to 200 characters.");
        }

        if ((input.AdminEmail is null) != (input.AdminPassword is null))
        {
            throw DrmException.BadInput("Give both adminEmail and adminPassword, or neither.");
        }

        var tenantId = Guid.CreateVersion7();
        var context = new TenantContext(tenantId, caller.UserId, UserRole.Admin, IsPlatformAdmin: true);
        return await database.ExecuteAsync(context, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                $"INSERT INTO tenants (id, slug, name) VALUES ($1, $2, $3) RETURNING {Columns}", connection);
            command.Parameters.Add(new() { Value = tenantId });
            command.Parameters.Add(new() { Value = slug });
            command.Parameters.Add(new() { Value = name });
            Tenant tenant;
            await using (var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                await reader.ReadAsync(ct).ConfigureAwait(false);
                tenant = Read(reader);
            }

            if (input.AdminEmail is not null)
            {
                await UserService.InsertAsync(connection, tenantId, new CreateUserInput(input.AdminEmail, input.AdminPassword!, UserRole.Admin), ct)
                    .ConfigureAwait(false);
            }

            return tenant;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every tenant for a platform administrator; the caller's own tenant for anyone else.</summary>
    public Task<Page<Tenant>> ListAsync(TenantContext caller, PageRequest page, CancellationToken cancellationToken)
    {
        var (limit, after) = page.Resolve();
        return database.ExecuteAsync(caller, async (connection, ct) =>
        {
            long total;
            await using (var count = new NpgsqlCommand("SELECT count(*) FROM tenants", connection))
            {
                total = (long)(await count.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
            }

            await using var command = new NpgsqlCommand(
                $"SELECT {Columns} FROM tenants WHERE ($1::text IS NULL OR (slug, id) > ($1, $2)) ORDER BY slug, id LIMIT $3",
                connection);
            command.Parameters.Add(new() { Value = (object?)after?.Key ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = after?.Id ?? Guid.Empty });
            command.Parameters.Add(new() { Value = limit + 1 });
            return await PageBuilder.ReadAsync(command, limit, after is not null, total, Read, t => new KeysetCursor(t.Slug, t.Id), ct)
                .ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<Tenant?> GetAsync(TenantContext caller, Guid id, CancellationToken cancellationToken) =>
        database.ExecuteAsync(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand($"SELECT {Columns} FROM tenants WHERE id = $1", connection);
            command.Parameters.Add(new() { Value = id });
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false) ? Read(reader) : null;
        }, cancellationToken);

    private static Tenant Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.GetFieldValue<DateTimeOffset>(4));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex SlugPattern();
}
