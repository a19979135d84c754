namespace Drm.Engine.Mibs;

/// <summary>
/// A node of the OID tree as a browser shows it: its arc under its parent, the object the visible modules define
/// there (null for an arc no module names, such as <c>1.3</c> in some module sets), whether anything lies below it,
/// and its children down to the depth asked for.
/// </summary>
public sealed record MibTreeNode(string Oid, long Arc, MibOidRecord? Node, bool HasChildren, IReadOnlyList<MibTreeNode> Children);
