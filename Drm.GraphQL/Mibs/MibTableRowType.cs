using Drm.Engine.Mibs.Tables;
using GraphQL.Types;

namespace Drm.GraphQL.Mibs;

public sealed class MibTableRowType : ObjectGraphType<MibTableRow>
{
    public MibTableRowType()
    {
        Name = "MibTableRow";
        Field(r => r.Instance).Description("The arcs after the column OID.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MibTableIndexValueType>>>>("index").Description("The instance decoded into the INDEX objects.")
            .Resolve(c => c.Source.Index);
        Field<NonNullGraphType<ListGraphType<MibTableCellType>>>("cells").Description("One per column, in column order; null where the walk returned nothing.")
            .Resolve(c => c.Source.Cells);
    }
}
