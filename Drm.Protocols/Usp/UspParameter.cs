namespace Drm.Protocols.Usp;

/// <summary>A parameter as USP carries it: full instance path and value as text (USP messages carry no types).</summary>
public sealed record UspParameter(string Path, string Value);
