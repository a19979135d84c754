using Drm.Engine.Mibs.Tables;
using GraphQL.Types;

namespace Drm.GraphQL.Mibs;

public sealed class MibTableCellType : ObjectGraphType<MibTableCell>
{
    public MibTableCellType()
    {
        Name = "MibTableCell";
        Field(c => c.Column);
        Field(c => c.Oid);
        Field(c => c.Type);
        Field(c => c.Value);
        Field(c => c.DisplayValue, nullable: true);
    }
}
