using System.Text.Json;
using Akka.Streams;
using Drm.Engine.Jobs;
using Drm.Engine.Storage;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Npgsql;

namespace Drm.Engine.Tr181;

/// <summary>
/// <c>TR181_IMPORT</c>: reads the uploaded model (or the allowed server-side file), then stores its items in one
/// transaction, so a broken model fails the job and leaves the catalog as it was. The results are a <c>SUMMARY</c> row
/// (the model as <c>oid</c>) and one row per item <c>ADDED</c>, <c>CHANGED</c> or <c>REMOVED</c> (its path as
/// <c>oid</c>, its kind as <c>value</c>).
/// </summary>
public sealed class Tr181ImportJobWork(TenantDatabase database, EngineOptions options) : IJobWork
{
    public async Task RunAsync(JobTicket ticket, Job job, JobProgress progress, IMaterializer materializer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(progress);
        var parameters = job.Parameters.RootElement;
        var global = parameters.TryGetProperty("global", out var g) && g.ValueKind == JsonValueKind.True;
        var source = parameters.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        // Only a platform administrator's import is global (checked when it was enqueued); the policies hold it to that.
        var context = new TenantContext(ticket.TenantId, ticket.UserId, UserRole.Operator, IsPlatformAdmin: global);

        int items;
        try
        {
            var (documents, origin) = source is null
                ? await ReadUploadAsync(context, ticket.JobId, cancellationToken).ConfigureAwait(false)
                : (ReadSource(source), source);
            var model = documents.Read();
            var (name, version) = Tr181Service.SplitModelName(model.Name);
            var drafts = Tr181ItemDraft.FromModel(model);
            items = await database.ExecuteAsync(context, async (connection, ct) =>
            {
                var saved = await Tr181Store.SaveAsync(connection, global, name, version, origin, drafts, ticket.JobId, ct).ConfigureAwait(false);
                await WriteResultsAsync(connection, ticket.JobId, model.Name, saved, ct).ConfigureAwait(false);
                await JobStore.AddEventAsync(connection, ticket.JobId, JobStatus.Running, saved.ToString(), ct).ConfigureAwait(false);
                await JobUploads.DeleteAsync(connection, ticket.JobId, ct).ConfigureAwait(false);
                return saved.Items;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Tr181ImportException)
        {
            // The model will never read: drop the upload rather than keep it for ever.
            await database.ExecuteAsync(context, (connection, ct) => JobUploads.DeleteAsync(connection, ticket.JobId, ct), cancellationToken).ConfigureAwait(false);
            throw;
        }

        await progress.AddAsync(items, cancellationToken).ConfigureAwait(false);
    }

    private Tr181ImportSource ReadSource(string source)
    {
        if (!Tr181Service.IsAllowedSource(options, source))
        {
            throw new Tr181ImportException($"{source} is no longer one of the server's TR181_SOURCES.");
        }

        try
        {
            return Tr181ImportSource.FromPath(source);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DrmException)
        {
            throw new Tr181ImportException($"{source} cannot be read: {e.Message}", e);
        }
    }

    private Task<(Tr181ImportSource, string)> ReadUploadAsync(TenantContext context, Guid jobId, CancellationToken cancellationToken) =>
        database.ExecuteAsync(context, async (connection, ct) =>
        {
            var (fileName, content) = await JobUploads.ReadAsync(connection, jobId, ct).ConfigureAwait(false)
                                      ?? throw new Tr181ImportException("The uploaded file of this job is no longer stored; upload it again.");
            try
            {
                return (Tr181ImportSource.FromUpload(fileName, content), "upload " + fileName);
            }
            catch (DrmException e)
            {
                throw new Tr181ImportException(e.Message, e);
            }
        }, cancellationToken);

    private static async Task WriteResultsAsync(NpgsqlConnection connection, Guid jobId, string model, Tr181ImportSummary summary, CancellationToken ct)
    {
        var rows = new List<(string Oid, string Type, string Value)> { (model, "SUMMARY", summary.ToString()) };
        rows.AddRange(summary.Added.Select(a => (a.Path, "ADDED", a.Kind)));
        rows.AddRange(summary.Changed.Select(c => (c.Path, "CHANGED", c.Kind)));
        rows.AddRange(summary.Removed.Select(r => (r.Path, "REMOVED", r.Kind)));
        await JobStore.InsertRowsAsync(connection, jobId, rows, ct).ConfigureAwait(false);
    }
}
