namespace Drm.Protocols.Snmp.Pdus;

/// <summary>
/// Any PDU but the SNMPv1 trap. For GetBulkRequest the second and third fields are non-repeaters and
/// max-repetitions (RFC 3416 §3); <see cref="NonRepeaters"/> and <see cref="MaxRepetitions"/> name them.
/// </summary>
public sealed record SnmpPdu(SnmpPduType Type, int RequestId, int ErrorStatus, int ErrorIndex, IReadOnlyList<VarBind> VarBinds)
{
    public int NonRepeaters => ErrorStatus;

    public int MaxRepetitions => ErrorIndex;

    public SnmpErrorStatus Status => (SnmpErrorStatus)ErrorStatus;

    public static SnmpPdu Get(int requestId, IReadOnlyList<ObjectIdentifier> oids) =>
        new(SnmpPduType.GetRequest, requestId, 0, 0, oids.Select(VarBind.Request).ToArray());

    public static SnmpPdu GetNext(int requestId, IReadOnlyList<ObjectIdentifier> oids) =>
        new(SnmpPduType.GetNextRequest, requestId, 0, 0, oids.Select(VarBind.Request).ToArray());

    public static SnmpPdu GetBulk(int requestId, int nonRepeaters, int maxRepetitions, IReadOnlyList<ObjectIdentifier> oids) =>
        new(SnmpPduType.GetBulkRequest, requestId, nonRepeaters, maxRepetitions, oids.Select(VarBind.Request).ToArray());

    public static SnmpPdu Set(int requestId, IReadOnlyList<VarBind> varBinds) => new(SnmpPduType.SetRequest, requestId, 0, 0, varBinds);
}
