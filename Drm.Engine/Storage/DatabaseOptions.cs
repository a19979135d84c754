namespace Drm.Engine.Storage;

/// <summary>Where the database is and who runs migrations.</summary>
public sealed record DatabaseOptions
{
    /// <summary>The service role's connection (<c>DATABASE_URL</c>); it cannot bypass row-level security.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>
    /// The owner role's connection that applies migrations (<c>MIGRATION_DATABASE_URL</c>).
    /// Null when migrations are not to be run by this process.
    /// </summary>
    public string? MigrationConnectionString { get; init; }

    /// <summary>Apply pending migrations when the service starts (<c>MIGRATE_ON_START</c>).</summary>
    /// <value>True.</value>
    public bool MigrateOnStart { get; init; } = true;
}
