using Drm.Engine.Devices;
using Drm.Engine.Jobs;
using Drm.Engine.Mibs.Tables;
using Drm.GraphQL.Devices;
using Drm.GraphQL.Execution;
using Drm.GraphQL.Mibs;
using Drm.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Drm.GraphQL.Jobs;

public sealed class JobType : ObjectGraphType<Job>
{
    public const string TypeName = "Job";

    public JobType()
    {
        Name = TypeName;
        Description = "Protocol work the engine runs for you, with its progress, outcome and results.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Job;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<JobKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<JobStatusType>>("status").Resolve(c => c.Source.Status);
        Field<DeviceType>("device").Resolve(c =>
        {
            if (c.Source.DeviceId is not { } id)
            {
                return null;
            }

            var (devices, caller) = (c.Service<DeviceService>(), c.Caller());
            return c.Batch<Device>("Job.device", (ids, ct) => devices.GetManyAsync(caller, ids, ct)).Load(id);
        });
        Field<NonNullGraphType<JobProgressType>>("progress").Resolve(c => c.Source);
        Field<StringGraphType>("errorType")
            .Description("SNMPTimeoutError, SNMPAuthError, SNMPClientError, WebPATimeoutError, WebPAAuthError, WebPAError, TR069TimeoutError, TR069FaultError, TR069Error, USPTimeoutError, USPError, MIBParseError, TR181ImportError, Cancelled or Internal (and the other protocols' errors as they land).")
            .Resolve(c => c.Source.ErrorType);
        Field<StringGraphType>("errorMessage").Resolve(c => c.Source.ErrorMessage);
        Field<NonNullGraphType<IntGraphType>>("attempts").Description("Runs so far; above 1 when a node died mid-job.").Resolve(c => c.Source.Attempts);
        Field(j => j.CreatedAt);
        Field(j => j.StartedAt, nullable: true);
        Field(j => j.FinishedAt, nullable: true);
        Field<NonNullGraphType<ConnectionType<JobResultType, EdgeType<JobResultType>>>>("results")
            .Description("Result rows in the order they were stored.")
            .Argument<StringGraphType>("oidPrefix", a => a.Description = "Only this OID and those below it; for WebPA, TR-069 and USP jobs a TR-181 path (Device.WiFi.).")
            .PagingArguments()
            .ResolveAsync(async c => Connections.From(await c.Service<JobService>().ResultsAsync(
                c.Caller(), c.Source.Id, c.GetArgument<string?>("oidPrefix"), c.ToPageRequest(), c.CancellationToken)));
        Field<NonNullGraphType<MibTableType>>("table")
            .Description("A conceptual table this job walked, as MIB browsers show it: rows by INDEX (decoded), named columns, values as the MIB renders them.")
            .Argument<NonNullGraphType<StringGraphType>>("oid", a => a.Description = "The table or its entry: IF-MIB::ifTable, ifTable or 1.3.6.1.2.1.2.2.")
            .Argument<IntGraphType>("first", a => a.Description = $"At most this many rows (default {MibTableReader.DefaultRows}, max {MibTableReader.MaxRows}).")
            .Argument<StringGraphType>("after", a => a.Description = "Rows after this instance (the endCursor of the previous page).")
            .ResolveAsync(async c => await c.Service<MibTableReader>().ReadAsync(
                c.Caller(), c.Source.Id, c.GetArgument<string>("oid"), c.GetArgument("first", MibTableReader.DefaultRows), c.GetArgument<string?>("after"),
                c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<JobEventType>>>>("events")
            .Resolve(c =>
            {
                var (jobs, caller) = (c.Service<JobService>(), c.Caller());
                return c.Batch<IReadOnlyList<JobEvent>>("Job.events", (ids, ct) => jobs.EventsManyAsync(caller, ids, ct)).Load(c.Source.Id);
            });
    }
}
