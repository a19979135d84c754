namespace Drm.TestUtils;

/// <summary>One varbind as net-snmp printed it with <c>-On -Oe -Ot -Ox</c>: numeric OID, type name, value text.</summary>
public sealed record NetSnmpVarBind(string Oid, string Type, string Value);
