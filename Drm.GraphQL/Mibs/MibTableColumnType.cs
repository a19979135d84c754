using Drm.Engine.Mibs.Tables;
using GraphQL.Types;

namespace Drm.GraphQL.Mibs;

public sealed class MibTableColumnType : ObjectGraphType<MibTableColumn>
{
    public MibTableColumnType()
    {
        Name = "MibTableColumn";
        Field(c => c.Name);
        Field(c => c.Oid);
        Field<NonNullGraphType<LongGraphType>>("arc").Resolve(c => c.Source.Arc);
    }
}
