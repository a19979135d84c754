namespace Drm.GraphQL.Tests;

/// <summary>Tests that measure the shared server (its subscribers, its heap) run after the others, one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAloneCollection
{
    public const string Name = "Measured alone";
}
