namespace Drm.Protocols.Snmp;

/// <summary>A variable binding: an OID and its value.</summary>
public readonly record struct VarBind(ObjectIdentifier Oid, SnmpValue Value)
{
    /// <summary>A varbind for a request: the OID with a NULL value.</summary>
    public static VarBind Request(ObjectIdentifier oid) => new(oid, SnmpValue.Null);

    public override string ToString() => $"{Oid} = {Value.Type}: {Value}";
}
