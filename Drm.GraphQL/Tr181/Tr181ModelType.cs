using Drm.Engine.Jobs;
using Drm.Engine.Tr181;
using Drm.GraphQL.Execution;
using Drm.GraphQL.Jobs;
using GraphQL;
using GraphQL.Types;

namespace Drm.GraphQL.Tr181;

public sealed class Tr181ModelType : ObjectGraphType<Tr181ModelRecord>
{
    public Tr181ModelType()
    {
        Name = "Tr181Model";
        Description = "A data model in the TR-181 catalog: global (TR181_SOURCES, a platform administrator's import) or your own.";
        Field(m => m.Name).Description("Device (of Device:2.19).");
        Field(m => m.Version, nullable: true).Description("2.19.");
        Field(m => m.Source).Description("The server file, or 'upload <file name>'.");
        Field(m => m.ItemCount).Description("Objects, parameters, commands and events stored.");
        Field<NonNullGraphType<BooleanGraphType>>("isGlobal").Resolve(c => c.Source.IsGlobal);
        Field(m => m.ImportedAt);
        Field<JobType>("job").Description("The TR181_IMPORT job (null for start-up imports).")
            .ResolveAsync(async c => c.Source.JobId is { } id ? await c.Service<JobService>().GetAsync(c.Caller(), id, c.CancellationToken) : null);
    }
}
