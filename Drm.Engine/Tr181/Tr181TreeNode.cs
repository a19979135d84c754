namespace Drm.Engine.Tr181;

/// <summary>A node of the catalog tree: an item, how many items sit directly under it, and those fetched (down to the depth asked).</summary>
public sealed record Tr181TreeNode(Tr181Item Item, int ChildCount, IReadOnlyList<Tr181TreeNode> Children);
