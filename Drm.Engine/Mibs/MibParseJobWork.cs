using Akka.Streams;
using Drm.Engine.Jobs;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Npgsql;

namespace Drm.Engine.Mibs;

/// <summary>
/// <c>MIB_PARSE</c>: parses an uploaded file or archive, resolves its modules together with the tenant's stored ones
/// and the global ones, and stores them in one transaction, so that a failure leaves the tenant's modules as they were.
/// Each uploaded module gives one result row: the module name as <c>oid</c>, its status as <c>type</c>, a summary as
/// <c>value</c>.
/// </summary>
public sealed class MibParseJobWork(TenantDatabase database, MibCatalog catalog) : IJobWork
{
    public async Task RunAsync(JobTicket ticket, Job job, JobProgress progress, IMaterializer materializer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(progress);
        var context = new TenantContext(ticket.TenantId, ticket.UserId, UserRole.Operator);
        int stored;
        try
        {
            stored = await StoreAsync(ticket, context, cancellationToken).ConfigureAwait(false);
        }
        catch (MibParseException)
        {
            // The file will never parse: drop it rather than keep it for ever. (After a crash the transaction rolled
            // back and the file stays for the retry.)
            await database.ExecuteAsync(context, (connection, ct) => JobUploads.DeleteAsync(connection, ticket.JobId, ct), cancellationToken)
                .ConfigureAwait(false);
            throw;
        }

        catalog.Invalidate(ticket.TenantId);
        await progress.AddAsync(stored, cancellationToken).ConfigureAwait(false);
    }

    private Task<int> StoreAsync(JobTicket ticket, TenantContext context, CancellationToken cancellationToken) =>
        database.ExecuteAsync(context, async (connection, ct) =>
        {
            var (fileName, content) = await JobUploads.ReadAsync(connection, ticket.JobId, ct).ConfigureAwait(false)
                                      ?? throw new MibParseException("The uploaded file of this job is no longer stored; upload it again.");
            IReadOnlyList<(string Name, string Text)> files;
            try
            {
                files = MibUploadReader.Read(fileName, content);
            }
            catch (DrmException e)
            {
                throw new MibParseException(e.Message, e);
            }

            var parsed = TenantMibs.Parse(files);
            var modules = parsed.Where(p => p.Name.Length > 0).Select(p => (p.Name, p.FileName, p.Source)).ToList();
            if (modules.Count == 0)
            {
                var why = parsed.SelectMany(p => p.Diagnostics).FirstOrDefault();
                throw new MibParseException($"{fileName} holds no MIB module" + (why is null ? "." : $": {why}"));
            }

            var drafts = await TenantMibs.ResolveAndStoreAsync(connection, catalog, modules, ticket.JobId, ct).ConfigureAwait(false);
            await WriteResultsAsync(connection, ticket.JobId, drafts, parsed.Where(p => p.Name.Length == 0).Select(p => p.FileName), ct)
                .ConfigureAwait(false);
            await JobUploads.DeleteAsync(connection, ticket.JobId, ct).ConfigureAwait(false);
            return drafts.Count;
        }, cancellationToken);

    private static async Task WriteResultsAsync(
        NpgsqlConnection connection, Guid jobId, IReadOnlyList<MibModuleDraft> drafts, IEnumerable<string> filesWithoutModules, CancellationToken ct)
    {
        var rows = drafts
            .Select(d => (d.Module.Name, MibStore.StatusName(d.Status), Summary(d)))
            .Concat(filesWithoutModules.Select(f => (f, "SKIPPED", "No MIB module in this file.")))
            .ToList();
        await JobStore.InsertRowsAsync(connection, jobId, rows, ct).ConfigureAwait(false);
    }

    private static string Summary(MibModuleDraft draft)
    {
        var parts = new List<string> { $"{draft.FileName}: {draft.Nodes.Count} OIDs" };
        var warnings = draft.Diagnostics.Count(d => d.Severity == "WARNING");
        var errors = draft.Diagnostics.Count(d => d.Severity == "ERROR");
        if (errors > 0)
        {
            parts.Add($"{errors} errors (first: line {draft.Diagnostics.First(d => d.Severity == "ERROR").Line}: {draft.Diagnostics.First(d => d.Severity == "ERROR").Message})");
        }

        if (warnings > 0)
        {
            parts.Add($"{warnings} warnings");
        }

        var missing = draft.Imports.Where(i => !i.Resolved).Select(i => i.Module).Distinct().ToList();
        if (missing.Count > 0)
        {
            parts.Add("unresolved imports from " + string.Join(", ", missing));
        }

        return string.Join("; ", parts);
    }
}
