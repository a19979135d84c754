namespace Drm.Engine.Jobs;

/// <summary>One result row: an OID (or path) with its type and value as text.</summary>
public sealed record JobResult(long Sequence, string Oid, string Type, string Value);
