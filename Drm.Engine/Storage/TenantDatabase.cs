using Drm.Engine.Tenancy;
using Npgsql;

namespace Drm.Engine.Storage;

/// <summary>
/// The one place that opens transactions on tenant data. Each transaction first sets the caller's tenant and user
/// (<c>app.set_current_tenant</c>, <c>app.set_current_user</c>), so row-level security filters everything after it.
/// </summary>
public sealed class TenantDatabase(NpgsqlDataSource dataSource)
{
    public NpgsqlDataSource DataSource { get; } = dataSource;

    /// <summary>Runs <paramref name="work"/> in a transaction bound to <paramref name="context"/> and commits it.</summary>
    public async Task<T> ExecuteAsync<T>(
        TenantContext context,
        Func<NpgsqlConnection, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ApplyContextAsync(connection, context.TenantId, context.UserId, context.IsPlatformAdmin, cancellationToken)
            .ConfigureAwait(false);
        var result = await TranslateAsync(work(connection, cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Runs <paramref name="work"/> for a login: the tenant is known only by its slug, so it is resolved through
    /// <c>app.tenant_id_by_slug</c> and the transaction is then bound to that tenant (with no user yet).
    /// <paramref name="work"/> receives null when no tenant has the slug.
    /// </summary>
    public async Task<T> ExecuteForLoginAsync<T>(
        string tenantSlug,
        Func<NpgsqlConnection, Guid?, CancellationToken, Task<T>> work,
        CancellationToken cancellationToken)
    {
        await using var connection = await DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        Guid? tenantId;
        await using (var lookup = new NpgsqlCommand("SELECT app.tenant_id_by_slug($1)", connection))
        {
            lookup.Parameters.Add(new NpgsqlParameter { Value = tenantSlug });
            tenantId = await lookup.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as Guid?;
        }

        if (tenantId is { } id)
        {
            await ApplyContextAsync(connection, id, null, false, cancellationToken).ConfigureAwait(false);
        }

        var result = await TranslateAsync(work(connection, tenantId, cancellationToken)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private static async Task ApplyContextAsync(
        NpgsqlConnection connection, Guid tenantId, Guid? userId, bool platformAdmin, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT app.set_current_tenant($1::uuid)") { Parameters = { new() { Value = tenantId } } },
                new NpgsqlBatchCommand("SELECT app.set_current_user($1::uuid)")
                {
                    Parameters = { new() { Value = userId.HasValue ? userId.Value : DBNull.Value } },
                },
                new NpgsqlBatchCommand("SELECT app.set_platform_admin($1)") { Parameters = { new() { Value = platformAdmin } } },
            },
        };
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // Constraint violations caused by the caller's input become BAD_USER_INPUT; everything else stays internal.
    private static async Task<T> TranslateAsync<T>(Task<T> work)
    {
        try
        {
            return await work.ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw DrmException.BadInput(UniqueViolationMessage(e));
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.CheckViolation or PostgresErrorCodes.StringDataRightTruncation)
        {
            throw DrmException.BadInput($"A value is out of range ({e.ConstraintName ?? e.MessageText}).");
        }
    }

    private static string UniqueViolationMessage(PostgresException e) => e.ConstraintName switch
    {
        "users_tenant_email" => "A user with this email already exists in the tenant.",
        "tenants_slug_key" => "A tenant with this slug already exists.",
        "devices_tenant_id_name_key" => "A device with this name already exists in the tenant.",
        _ => "This would duplicate an existing record.",
    };
}
