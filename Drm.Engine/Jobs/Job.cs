using System.Text.Json;

namespace Drm.Engine.Jobs;

public sealed record Job(
    Guid Id,
    Guid TenantId,
    Guid? DeviceId,
    JobKind Kind,
    JobStatus Status,
    JsonDocument Parameters,
    long ItemsDone,
    long? ItemsExpected,
    string? ErrorType,
    string? ErrorMessage,
    int Attempts,
    long Version,
    Guid CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset UpdatedAt)
{
    public bool IsFinished => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;

    /// <summary>Percent done when the total is known.</summary>
    public double? Percent => ItemsExpected switch
    {
        > 0 and var expected => Math.Min(100.0, ItemsDone * 100.0 / expected),
        _ when Status == JobStatus.Completed => 100.0,
        _ => null,
    };

    /// <summary>Items per second since the job started (until it finished).</summary>
    public double? Rate(DateTimeOffset now)
    {
        if (StartedAt is not { } started)
        {
            return null;
        }

        var seconds = ((FinishedAt ?? now) - started).TotalSeconds;
        return seconds > 0 ? ItemsDone / seconds : null;
    }
}
