namespace Drm.Mib.Tr181;

/// <summary>A data model (<c>Device:2.19</c>) with everything it defines, in document order.</summary>
public sealed record Tr181Model(
    string Name,
    IReadOnlyList<Tr181Object> Objects,
    IReadOnlyList<Tr181Parameter> Parameters,
    IReadOnlyList<Tr181Command> Commands,
    IReadOnlyList<Tr181Event> Events);
