namespace Drm.Engine.Jobs;

/// <summary>Limits and timings of the job engine (environment variables <c>JOB_*</c>).</summary>
public sealed record JobEngineOptions
{
    /// <summary>Jobs running at once on this node (<c>JOB_MAX_CONCURRENT</c>).</summary>
    public int MaxConcurrentJobs { get; init; } = 32;

    /// <summary>Jobs running at once against one device (<c>JOB_MAX_PER_DEVICE</c>): devices are small computers.</summary>
    public int MaxJobsPerDevice { get; init; } = 2;

    /// <summary>Subtrees one bulkwalk job walks at once (<c>JOB_WALKS_PER_JOB</c>).</summary>
    public int WalksPerJob { get; init; } = 4;

    /// <summary>SNMP requests awaiting an answer at once across all jobs of this node (<c>JOB_MAX_IN_FLIGHT</c>).</summary>
    public int MaxInFlightRequests { get; init; } = 2_000;

    /// <summary>How long a claim lasts without renewal (<c>JOB_LEASE_SECONDS</c>); runners renew at a third of it.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Runs a job gets before an interrupted one fails for good (<c>JOB_MAX_ATTEMPTS</c>).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>How often the engine looks for queued jobs and expired leases (<c>JOB_RESUME_SECONDS</c>).</summary>
    public TimeSpan ResumeInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A device actor without jobs for this long is stopped.</summary>
    public TimeSpan DeviceIdleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Progress is written (and so published) at most this often per job.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Result rows written per COPY at most; a walk's batches are grouped up to this or <see cref="ResultGroupInterval"/>.
    /// Each COPY is a transaction with its own set-up in PostgreSQL: 5,000-row groups cost the database a fifth more
    /// CPU than 25,000-row groups for the same million rows (bench/jobs --only write).
    /// </summary>
    public int ResultBatchRows { get; init; } = 20_000;

    /// <summary>The longest a walk's rows wait in memory before they are written (and counted in its progress).</summary>
    public TimeSpan ResultGroupInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>This node's name in leases.</summary>
    public string NodeName { get; init; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
