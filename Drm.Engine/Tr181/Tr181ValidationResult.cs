using Drm.Mib.Tr181;

namespace Drm.Engine.Tr181;

/// <summary>The verdict on one proposed value: valid when <see cref="Errors"/> is empty.</summary>
public sealed record Tr181ValidationResult(string Path, string Value, Tr181Item? Parameter, IReadOnlyList<Tr181ValueError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
