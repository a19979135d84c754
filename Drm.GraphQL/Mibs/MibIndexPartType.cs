using Drm.Engine.Mibs;
using Drm.GraphQL.Execution;
using Drm.GraphQL.Relay;
using GraphQL;
using GraphQL.Types;

namespace Drm.GraphQL.Mibs;

public sealed class MibIndexPartType : ObjectGraphType<MibIndexPart>
{
    public MibIndexPartType()
    {
        Name = "MibIndexPart";
        Field(i => i.Name);
        Field(i => i.Implied).Description("IMPLIED: no length prefix in the instance.");
    }
}
