using Drm.Mib.Tr181;

namespace Drm.Engine.Tr181;

/// <summary>
/// What <c>tr181Parameters</c> lists: items under a path prefix, of a type (built-in such as <c>unsignedInt</c>, or
/// named such as <c>IPv4Address</c>), with an access, of a kind, whose path or description contains a text (any case).
/// </summary>
public sealed record Tr181Filter(
    string? PathPrefix = null, string? Type = null, Tr181Access? Access = null, Tr181ItemKind? Kind = null, string? Search = null);
