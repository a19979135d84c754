namespace Drm.Engine.Tr181;

/// <summary>What a catalog row is; stored upper-case (<c>PARAMETER</c>).</summary>
public enum Tr181ItemKind
{
    Object,
    Parameter,
    Command,
    Event,
}
