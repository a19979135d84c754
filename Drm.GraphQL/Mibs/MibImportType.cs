using Drm.Engine.Mibs;
using GraphQL.Types;

namespace Drm.GraphQL.Mibs;

public sealed class MibImportType : ObjectGraphType<MibModuleImport>
{
    public MibImportType()
    {
        Name = "MibImport";
        Description = "One IMPORTS clause: the names a module takes from another, and whether they were all found.";
        Field(i => i.Module);
        Field(i => i.Names);
        Field(i => i.Resolved);
    }
}
