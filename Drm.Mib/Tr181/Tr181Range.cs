namespace Drm.Mib.Tr181;

/// <summary>A numeric range facet; a missing bound is open, <see cref="Step"/> 1 unless given.</summary>
public sealed record Tr181Range(decimal? Min, decimal? Max, decimal Step = 1);
