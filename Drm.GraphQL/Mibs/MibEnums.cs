using Drm.Engine.Mibs;
using GraphQL.Types;

namespace Drm.GraphQL.Mibs;

public sealed class MibModuleStatusType : EnumerationGraphType<MibModuleStatus>
{
    public MibModuleStatusType()
    {
        Name = "MibModuleStatus";
        Description = "OK; WARNINGS (parsed leniently); UNRESOLVED (imports not loaded yet: upload them); ERRORS (parts not understood).";
    }
}
