using System.Collections.Concurrent;
using System.Globalization;
using Drm.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Drm.Engine.Jobs;

/// <summary>
/// Listens on PostgreSQL's <c>drm_jobs</c> channel (one connection per node) and passes each (job id, version) to the
/// subscribers of the job's tenant registered on this node, whichever node changed the job. Subscribers still read the
/// job under their own tenant context: the tenant in the payload only spares them reads that could never succeed.
/// </summary>
public sealed class JobNotificationHub(TenantDatabase database, ILogger<JobNotificationHub> logger) : BackgroundService
{
    public const string Channel = "drm_jobs";

    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<long, Action<Guid, long>>> _subscribers = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextKey;

    /// <summary>Subscribers registered now; a test of clean-up reads it.</summary>
    public int SubscriberCount => _subscribers.Values.Sum(tenant => tenant.Count);

    /// <summary>Completes once the node listens (notifications sent before that are not seen).</summary>
    public Task Listening => _listening.Task;

    /// <summary>
    /// Calls <paramref name="onChange"/> for every change to a job of <paramref name="tenantId"/> until the returned
    /// handle is disposed.
    /// </summary>
    public IDisposable Subscribe(Guid tenantId, Action<Guid, long> onChange)
    {
        var key = Interlocked.Increment(ref _nextKey);
        // An emptied tenant entry is left in place: one per tenant ever subscribed, and removing it would race with a
        // subscriber being added to it.
        _subscribers.GetOrAdd(tenantId, _ => new ConcurrentDictionary<long, Action<Guid, long>>())[key] = onChange;
        return new Subscription(this, tenantId, key);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.DataSource.OpenConnectionAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += (_, e) => Publish(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }

                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // The database went away; subscribers miss what changed meanwhile but keep their subscriptions.
                logger.LogWarning(e, "Listening for job changes failed; reconnecting in a second.");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    // "job:version:tenant", written by app.jobs_notify().
    private void Publish(string payload)
    {
        var parts = payload.Split(':');
        if (parts.Length != 3 || !Guid.TryParse(parts[0], out var jobId) ||
            !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ||
            !Guid.TryParse(parts[2], out var tenantId) || !_subscribers.TryGetValue(tenantId, out var subscribers))
        {
            return;
        }

        foreach (var subscriber in subscribers.Values)
        {
            subscriber(jobId, version);
        }
    }

    private sealed class Subscription(JobNotificationHub hub, Guid tenantId, long key) : IDisposable
    {
        public void Dispose()
        {
            if (hub._subscribers.TryGetValue(tenantId, out var subscribers))
            {
                subscribers.TryRemove(key, out _);
            }
        }
    }
}
