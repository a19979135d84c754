using Drm.Engine.Mibs.Tables;
using GraphQL.Types;

namespace Drm.GraphQL.Mibs;

public sealed class MibTableIndexValueType : ObjectGraphType<MibTableIndexValue>
{
    public MibTableIndexValueType()
    {
        Name = "MibTableIndexValue";
        Field(i => i.Name);
        Field(i => i.Value);
    }
}
