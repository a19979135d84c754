using System.Reflection;
using DbUp;
using DbUp.Engine;
using DbUp.Engine.Output;
using Npgsql;

namespace Drm.Engine.Storage;

/// <summary>Applies the versioned SQL files in <c>Storage/Migrations</c> with DbUp, as the owner role.</summary>
public static class DatabaseMigrator
{
    private static readonly Assembly ScriptAssembly = typeof(DatabaseMigrator).Assembly;

    /// <summary>Names of the embedded scripts, in the order they apply.</summary>
    public static IReadOnlyList<string> ScriptNames { get; } = ScriptAssembly.GetManifestResourceNames()
        .Where(n => n.EndsWith(".sql", StringComparison.Ordinal) && n.Contains(".Storage.Migrations.", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Applies pending scripts and returns the names of those it applied.</summary>
    /// <param name="ownerConnectionString">The owner role; it owns every table it creates.</param>
    /// <param name="serviceRole">The login role the service connects as; the scripts grant it its rights.</param>
    /// <param name="log">Receives DbUp's progress lines.</param>
    public static IReadOnlyList<string> Migrate(string ownerConnectionString, string serviceRole, Action<string>? log = null) =>
        Migrate(ownerConnectionString, serviceRole, log, ScriptNames.Count);

    /// <summary>Applies only the first <paramref name="scriptCount"/> scripts: tests use it to prove a migration keeps what an older schema stored.</summary>
    internal static IReadOnlyList<string> Migrate(string ownerConnectionString, string serviceRole, Action<string>? log, int scriptCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceRole);
        var scripts = ScriptNames.Take(scriptCount).ToHashSet();
        var upgrader = DeployChanges.To
            .PostgresqlDatabase(ownerConnectionString)
            .WithScriptsEmbeddedInAssembly(ScriptAssembly, scripts.Contains)
            .WithVariable("app_role", QuoteIdentifier(serviceRole))
            .WithTransactionPerScript()
            .LogTo(new ActionLog(log))
            .Build();

        var result = upgrader.PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException(
                $"Migration {result.ErrorScript?.Name ?? "(unknown)"} failed: {result.Error?.Message}", result.Error);
        }

        return result.Scripts.Select(s => s.Name).ToArray();
    }

    /// <summary>True when every embedded script is recorded as applied; read with the service role.</summary>
    public static async Task<bool> IsUpToDateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT scriptname FROM public.schemaversions");
        var applied = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied.Add(reader.GetString(0));
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return false;
        }

        return ScriptNames.All(applied.Contains);
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed class ActionLog(Action<string>? log) : IUpgradeLog
    {
        public void LogTrace(string format, params object[] args)
        {
        }

        public void LogDebug(string format, params object[] args)
        {
        }

        public void LogInformation(string format, params object[] args) => log?.Invoke(string.Format(null, format, args));

        public void LogWarning(string format, params object[] args) => log?.Invoke("warning: " + string.Format(null, format, args));

        public void LogError(string format, params object[] args) => log?.Invoke("error: " + string.Format(null, format, args));

        public void LogError(Exception ex, string format, params object[] args) =>
            log?.Invoke("error: " + string.Format(null, format, args) + ": " + ex.Message);
    }
}
