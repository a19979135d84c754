using System.Collections.Concurrent;
using System.Globalization;
using Drm.Engine.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Drm.Engine.Jobs;

/// <summary>
/// Listens on PostgreSQL's <c>drm_jobs</c> channel (one connection per node) and passes each (job id, version) to the
/// subscribers registered on this node, whichever node changed the job. The payload carries no tenant data; each
/// subscriber reads the job under its own tenant context.
/// </summary>
public sealed class JobNotificationHub(TenantDatabase database, ILogger<JobNotificationHub> logger) : BackgroundService
{
    public const string Channel = "drm_jobs";

    private readonly ConcurrentDictionary<long, Action<Guid, long>> _subscribers = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextKey;

    /// <summary>Subscribers registered now; a test of clean-up reads it.</summary>
    public int SubscriberCount => _subscribers.Count;

    /// <summary>Completes once the node listens (notifications sent before that are not seen).</summary>
    public Task Listening => _listening.Task;

    /// <summary>Calls <paramref name="onChange"/> for every job change until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Action<Guid, long> onChange)
    {
        var key = Interlocked.Increment(ref _nextKey);
        _subscribers[key] = onChange;
        return new Subscription(this, key);
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

    private void Publish(string payload)
    {
        var colon = payload.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || !Guid.TryParse(payload.AsSpan(0, colon), out var jobId) ||
            !long.TryParse(payload.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return;
        }

        foreach (var subscriber in _subscribers.Values)
        {
            subscriber(jobId, version);
        }
    }

    private sealed class Subscription(JobNotificationHub hub, long key) : IDisposable
    {
        public void Dispose() => hub._subscribers.TryRemove(key, out _);
    }
}
