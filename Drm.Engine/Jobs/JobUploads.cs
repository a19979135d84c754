using Npgsql;

namespace Drm.Engine.Jobs;

/// <summary>
/// The file a job was enqueued with (<c>job_uploads</c>, see <see cref="JobService.EnqueueUploadAsync"/>), read and
/// dropped within the job work's own transaction.
/// </summary>
internal static class JobUploads
{
    /// <summary>The stored upload, or null once it has been used (or dropped).</summary>
    public static async Task<(string FileName, byte[] Content)?> ReadAsync(NpgsqlConnection connection, Guid jobId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT file_name, content FROM job_uploads WHERE job_id = $1", connection);
        command.Parameters.Add(new() { Value = jobId });
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? (reader.GetString(0), reader.GetFieldValue<byte[]>(1)) : null;
    }

    public static async Task<int> DeleteAsync(NpgsqlConnection connection, Guid jobId, CancellationToken ct)
    {
        await using var drop = new NpgsqlCommand("DELETE FROM job_uploads WHERE job_id = $1", connection);
        drop.Parameters.Add(new() { Value = jobId });
        return await drop.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
