using Drm.Engine.Paging;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Npgsql;
using NpgsqlTypes;

namespace Drm.Engine.Users;

public sealed class UserService(TenantDatabase database)
{
    private const string Columns = "id, tenant_id, email, display_name, role, created_at, updated_at";

    /// <summary>Checks a login. Returns null for an unknown tenant, unknown email or wrong password alike.</summary>
    public Task<User?> AuthenticateAsync(string tenantSlug, string email, string password, CancellationToken cancellationToken) =>
        database.ExecuteForLoginAsync(tenantSlug.Trim().ToLowerInvariant(), async (connection, tenantId, ct) =>
        {
            (User User, string Hash)? found = null;
            if (tenantId is not null)
            {
                await using var command = new NpgsqlCommand(
                    $"SELECT {Columns}, password_hash FROM users WHERE lower(email) = lower($1)", connection);
                command.Parameters.Add(new() { Value = email.Trim() });
                await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
                if (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    found = (Read(reader), reader.GetString(7));
                }
            }

            return PasswordHashing.Verify(found?.Hash, password) ? found!.Value.User : null;
        }, cancellationToken);

    public Task<User?> GetMeAsync(TenantContext caller, CancellationToken cancellationToken) =>
        GetAsync(caller, caller.UserId, cancellationToken);

    public async Task<User?> GetAsync(TenantContext caller, Guid id, CancellationToken cancellationToken) =>
        (await GetManyAsync(caller, [id], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(id);

    public Task<IReadOnlyDictionary<Guid, User>> GetManyAsync(
        TenantContext caller, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        database.ExecuteAsync<IReadOnlyDictionary<Guid, User>>(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand($"SELECT {Columns} FROM users WHERE id = ANY($1)", connection);
            command.Parameters.Add(new() { Value = ids.ToArray() });
            var result = new Dictionary<Guid, User>();
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                var user = Read(reader);
                result[user.Id] = user;
            }

            return result;
        }, cancellationToken);

    public Task<Page<User>> ListAsync(TenantContext caller, string? search, PageRequest page, CancellationToken cancellationToken)
    {
        var (limit, after) = page.Resolve();
        var pattern = string.IsNullOrWhiteSpace(search) ? null : "%" + EscapeLike(search.Trim()) + "%";
        return database.ExecuteAsync(caller, async (connection, ct) =>
        {
            const string filter = "($1::text IS NULL OR email ILIKE $1 OR display_name ILIKE $1)";
            long total;
            await using (var count = new NpgsqlCommand($"SELECT count(*) FROM users WHERE {filter}", connection))
            {
                count.Parameters.Add(new() { Value = (object?)pattern ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
                total = (long)(await count.ExecuteScalarAsync(ct).ConfigureAwait(false))!;
            }

            await using var command = new NpgsqlCommand(
                $"SELECT {Columns} FROM users WHERE {filter} AND ($2::text IS NULL OR (lower(email), id) > ($2, $3)) " +
                "ORDER BY lower(email), id LIMIT $4",
                connection);
            command.Parameters.Add(new() { Value = (object?)pattern ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = (object?)after?.Key ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = after?.Id ?? Guid.Empty });
            command.Parameters.Add(new() { Value = limit + 1 });
            return await PageBuilder.ReadAsync(
                command, limit, after is not null, total, Read, u => new KeysetCursor(u.Email.ToLowerInvariant(), u.Id), ct)
                .ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<User> CreateAsync(TenantContext caller, CreateUserInput input, CancellationToken cancellationToken)
    {
        caller.Require(UserRole.Admin);
        return database.ExecuteAsync(
            caller, (connection, ct) => InsertAsync(connection, caller.TenantId, input, ct), cancellationToken);
    }

    /// <summary>Inserts a user inside a transaction already bound to <paramref name="tenantId"/>.</summary>
    internal static async Task<User> InsertAsync(
        NpgsqlConnection connection, Guid tenantId, CreateUserInput input, CancellationToken cancellationToken)
    {
        var email = ValidateEmail(input.Email);
        var hash = PasswordHashing.Hash(input.Password);
        await using var command = new NpgsqlCommand(
            "INSERT INTO users (id, tenant_id, email, display_name, password_hash, role) VALUES ($1, $2, $3, $4, $5, $6) " +
            $"RETURNING {Columns}",
            connection);
        command.Parameters.Add(new() { Value = Guid.CreateVersion7() });
        command.Parameters.Add(new() { Value = tenantId });
        command.Parameters.Add(new() { Value = email });
        command.Parameters.Add(new() { Value = (object?)NormalizeDisplayName(input.DisplayName) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = hash });
        command.Parameters.Add(new() { Value = UserRoles.ToText(input.Role) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return Read(reader);
    }

    /// <summary>
    /// Admins change anyone in their tenant; other users may change their own email, display name and password,
    /// but never their role.
    /// </summary>
    public Task<User> UpdateAsync(TenantContext caller, UpdateUserInput input, CancellationToken cancellationToken)
    {
        var self = input.Id == caller.UserId;
        if (!self || input.Role is not null)
        {
            caller.Require(UserRole.Admin);
        }

        if (self && input.Role is { } newRole && newRole != UserRole.Admin)
        {
            throw DrmException.BadInput("You cannot take the admin role from yourself; ask another admin.");
        }

        var email = input.Email is null ? null : ValidateEmail(input.Email);
        var hash = input.Password is null ? null : PasswordHashing.Hash(input.Password);
        return database.ExecuteAsync(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(
                "UPDATE users SET email = COALESCE($2, email), display_name = CASE WHEN $3 THEN $4 ELSE display_name END, " +
                "role = COALESCE($5, role), password_hash = COALESCE($6, password_hash) " +
                $"WHERE id = $1 RETURNING {Columns}",
                connection);
            command.Parameters.Add(new() { Value = input.Id });
            command.Parameters.Add(new() { Value = (object?)email ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = input.DisplayName is not null });
            command.Parameters.Add(new() { Value = (object?)NormalizeDisplayName(input.DisplayName) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = input.Role is { } r ? UserRoles.ToText(r) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new() { Value = (object?)hash ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false) ? Read(reader) : throw DrmException.NotFound("User");
        }, cancellationToken);
    }

    public Task<Guid> DeleteAsync(TenantContext caller, Guid id, CancellationToken cancellationToken)
    {
        caller.Require(UserRole.Admin);
        if (id == caller.UserId)
        {
            throw DrmException.BadInput("You cannot delete yourself.");
        }

        return database.ExecuteAsync(caller, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand("DELETE FROM users WHERE id = $1", connection);
            command.Parameters.Add(new() { Value = id });
            return await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) == 1 ? id : throw DrmException.NotFound("User");
        }, cancellationToken);
    }

    internal static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string ValidateEmail(string email)
    {
        email = email.Trim();
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (email.Length is < 3 or > 320 || at <= 0 || at == email.Length - 1 || email.Any(char.IsWhiteSpace))
        {
            throw DrmException.BadInput($"'{email}' is not an email address.");
        }

        return email;
    }

    private static string? NormalizeDisplayName(string? name)
    {
        name = name?.Trim();
        if (name is { Length: > 200 })
        {
            throw DrmException.BadInput("A display name is at most 200 characters.");
        }

        return string.IsNullOrEmpty(name) ? null : name;
    }

    private static User Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetGuid(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        UserRoles.TryParse(reader.GetString(4), out var role) ? role : throw new InvalidDataException("Unknown role in users."),
        reader.GetFieldValue<DateTimeOffset>(5),
        reader.GetFieldValue<DateTimeOffset>(6));
}
