using Drm.Mib.Tr181;

namespace Drm.Engine.Tr181;

/// <summary>
/// One row of the TR-181 catalog as a caller sees it: an object, parameter, command or event, with everything the model
/// says about it in the one of <see cref="Parameter"/>, <see cref="Object"/>, <see cref="Command"/> or <see cref="Event"/>
/// that matches <see cref="Kind"/>.
/// </summary>
public sealed record Tr181Item(
    Guid Id,
    bool IsGlobal,
    string Model,
    Tr181ItemKind Kind,
    string Path,
    string Parent,
    int Depth,
    string Name,
    Tr181Access Access,
    string? BaseType,
    string? DataType,
    string Status,
    string? Version,
    string? Description,
    DateTimeOffset UpdatedAt)
{
    public Tr181Parameter? Parameter { get; init; }

    public Tr181Object? Object { get; init; }

    public Tr181Command? Command { get; init; }

    public Tr181Event? Event { get; init; }
}
