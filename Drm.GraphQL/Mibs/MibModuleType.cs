using Drm.Engine.Mibs;
using Drm.Engine.Paging;
using Drm.GraphQL.Execution;
using Drm.GraphQL.Jobs;
using Drm.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;
using GraphQL.Types.Relay;

namespace Drm.GraphQL.Mibs;

public sealed class MibModuleType : ObjectGraphType<MibModuleRecord>
{
    public const string TypeName = "MibModule";

    public MibModuleType()
    {
        Name = TypeName;
        Description = "A MIB module: one of your uploads, or a global module from the service's MIB_DIRS (isGlobal).";
        Interface<NodeInterface>();
        IsTypeOf = o => o is MibModuleRecord;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field(m => m.Name).Description("The module name (IF-MIB).");
        Field(m => m.FileName).Description("The file it came from (inside an archive: its path there).");
        Field(m => m.Language).Description("SMIv1 or SMIv2.");
        Field<NonNullGraphType<MibModuleStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("isGlobal").Resolve(c => c.Source.IsGlobal);
        Field(m => m.LastUpdated, nullable: true).Description("MODULE-IDENTITY LAST-UPDATED, as written (YYYYMMDDHHMMZ).");
        Field<StringGraphType>("revision").Description("The newest REVISION (or LAST-UPDATED when the module lists none).")
            .Resolve(c => c.Source.Revisions.Count > 0 ? c.Source.Revisions.Max(StringComparer.Ordinal) : c.Source.LastUpdated);
        Field(m => m.Organization, nullable: true);
        Field(m => m.ContactInfo, nullable: true);
        Field(m => m.Description, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MibImportType>>>>("imports").Resolve(c => c.Source.Imports);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MibDiagnosticType>>>>("warnings")
            .Description("What the parser and the import resolution said, warnings and errors, with line and column.")
            .Resolve(c => c.Source.Diagnostics);
        Field(m => m.OidCount).Description("Named OIDs the module defines.");
        Field<JobType>("job").Description("The MIB_PARSE job that stored it (null for global modules).")
            .ResolveAsync(async c => c.Source.JobId is { } id
                ? await c.Service<Drm.Engine.Jobs.JobService>().GetAsync(c.Caller(), id, c.CancellationToken)
                : null);
        Field<NonNullGraphType<ConnectionType<MibOidType, EdgeType<MibOidType>>>>("oids")
            .Description("The module's OIDs in tree order.")
            .PagingArguments()
            .ResolveAsync(async c => Connections.From(await c.Service<MibService>().ListOidsAsync(
                c.Caller(), c.Source.Id, null, null, c.ToPageRequest(), c.CancellationToken)));
        Field(m => m.CreatedAt);
        Field(m => m.UpdatedAt);
    }
}
