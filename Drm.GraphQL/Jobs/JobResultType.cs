using Drm.Engine.Jobs;
using Drm.Engine.Mibs;
using Drm.GraphQL.Execution;
using GraphQL.Types;

namespace Drm.GraphQL.Jobs;

public sealed class JobResultType : ObjectGraphType<JobResult>
{
    public JobResultType()
    {
        Name = "JobResult";
        Description = "One value a job read or wrote: OID (or parameter path), net-snmp type name and value as text.";
        Field(r => r.Sequence).Description("Position in the job's results, from 1.");
        Field(r => r.Oid);
        Field(r => r.Type).Description(
            "SNMP: INTEGER, STRING, Hex-STRING, OID, IpAddress, Counter32, Gauge32, Timeticks, Counter64, Opaque, or an exception such as noSuchObject. " +
            "WebPA, TR-069 and USP: the TR-181 type (string, unsignedInt, boolean, dateTime…).");
        Field(r => r.Value);
        Field<StringGraphType>("name")
            .Description("The OID's MIB name with its decoded index (IF-MIB::ifDescr.3), when your MIBs or the global ones know it.")
            .ResolveAsync(async c => (await c.Service<MibCatalog>().ForTenantAsync(c.Caller(), c.CancellationToken)).NameOf(c.Source.Oid));
        Field<StringGraphType>("displayValue")
            .Description("The value as the MIB shows it (an enumeration label such as up(1), a DISPLAY-HINT rendering such as a MAC address), when that differs from value.")
            .ResolveAsync(async c => (await c.Service<MibCatalog>().ForTenantAsync(c.Caller(), c.CancellationToken))
                .DisplayValueOf(c.Source.Oid, c.Source.Type, c.Source.Value));
    }
}
