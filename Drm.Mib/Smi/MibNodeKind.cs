namespace Drm.Mib.Smi;

/// <summary>What a node of the OID tree is, in libsmi's words.</summary>
public enum MibNodeKind
{
    Node,
    Scalar,
    Table,
    Row,
    Column,
    Notification,
    Group,
    Compliance,
    Capabilities,
}
