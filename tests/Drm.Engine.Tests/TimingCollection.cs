namespace Drm.Engine.Tests;

/// <summary>
/// Tests that assert how soon something happens (a cancelled walk stops within a second) run alone: other test classes
/// running beside them on a 2-core machine can hold the thread pool for seconds and make them flaky.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "timing";
}
