using Drm.Engine.Mibs.Tables;
using GraphQL.Types;

namespace Drm.GraphQL.Mibs;

public sealed class MibTableType : ObjectGraphType<MibTable>
{
    public MibTableType()
    {
        Name = "MibTable";
        Description = "A page of a walked conceptual table, rows in instance order.";
        Field(t => t.Name).Description("MODULE::table.");
        Field(t => t.Oid);
        Field(t => t.Entry).Description("MODULE::entry, the row object.");
        Field(t => t.IndexNames).Description("The INDEX objects (of the augmented row for an AUGMENTS row).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MibTableColumnType>>>>("columns").Resolve(c => c.Source.Columns);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MibTableRowType>>>>("rows").Resolve(c => c.Source.Rows);
        Field(t => t.TotalRows).Description("Rows the job holds for this table.");
        Field(t => t.HasNextPage);
        Field(t => t.EndCursor, nullable: true).Description("Pass as 'after' for the next page.");
    }
}
