using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Drm.Mib.Tr181;

namespace Drm.Engine.Tr181;

/// <summary>A catalog row about to be stored: the columns, and the model's record as <see cref="Details"/> JSON.</summary>
public sealed record Tr181ItemDraft(
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
    string Details)
{
    /// <summary>SHA-256 of everything stored: equal digests mean a re-import need not rewrite the row.</summary>
    public byte[] Digest() => SHA256.HashData(Encoding.UTF8.GetBytes($"{Kind}\n{Path}\n{Access}\n{Status}\n{Version}\n{Description}\n{Details}"));

    /// <summary>Every object, parameter, command and event of the model; the first definition of a path wins.</summary>
    public static IReadOnlyList<Tr181ItemDraft> FromModel(Tr181Model model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var drafts = new List<Tr181ItemDraft>(model.Objects.Count + model.Parameters.Count + model.Commands.Count + model.Events.Count);
        // Descriptions are kept in their own column; the details hold the rest.
        drafts.AddRange(model.Objects.Select(o => Draft(Tr181ItemKind.Object, o.Path, o.Access, null, null, o.Status, o.Version, o.Description,
            o with { Description = null })));
        drafts.AddRange(model.Parameters.Select(p => Draft(Tr181ItemKind.Parameter, p.Path, p.Access, p.Syntax.BaseType, p.Syntax.DataType,
            p.Status, p.Version, p.Description, p with { Description = null })));
        drafts.AddRange(model.Commands.Select(c => Draft(Tr181ItemKind.Command, c.Path, Tr181Access.ReadOnly, null, null, c.Status, c.Version,
            c.Description, c with { Description = null })));
        drafts.AddRange(model.Events.Select(e => Draft(Tr181ItemKind.Event, e.Path, Tr181Access.ReadOnly, null, null, e.Status, e.Version,
            e.Description, e with { Description = null })));
        return drafts.DistinctBy(d => d.Path, StringComparer.Ordinal).ToList();
    }

    private static Tr181ItemDraft Draft<T>(
        Tr181ItemKind kind, string path, Tr181Access access, string? baseType, string? dataType, string status, string? version, string? description, T details)
    {
        var segments = Tr181Path.Segments(path);
        return new Tr181ItemDraft(kind, path, Tr181Path.Parent(path), segments.Count, segments.Count == 0 ? path : segments[^1], access,
            baseType, dataType, status, version, description, JsonSerializer.Serialize(details, Tr181Json.Options));
    }
}
