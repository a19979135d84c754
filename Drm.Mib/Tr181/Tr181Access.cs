namespace Drm.Mib.Tr181;

/// <summary>Who may write a parameter or add and delete instances of an object.</summary>
public enum Tr181Access
{
    ReadOnly,
    ReadWrite,

    /// <summary>Written once (at creation), read-only afterwards.</summary>
    WriteOnceReadOnly,
}
