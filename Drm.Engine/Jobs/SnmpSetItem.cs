namespace Drm.Engine.Jobs;

/// <summary>One varbind of an <c>SNMP_SET</c> job as the caller gave it: net-snmp type letter or name, and text value.</summary>
public sealed record SnmpSetItem(string Oid, string Type, string Value);
