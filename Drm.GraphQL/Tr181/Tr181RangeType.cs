using Drm.Mib.Tr181;
using GraphQL.Types;

namespace Drm.GraphQL.Tr181;

public sealed class Tr181RangeType : ObjectGraphType<Tr181Range>
{
    public Tr181RangeType()
    {
        Name = "Tr181Range";
        Description = "An allowed numeric range; a missing bound is open.";
        Field<DecimalGraphType>("min").Resolve(c => c.Source.Min);
        Field<DecimalGraphType>("max").Resolve(c => c.Source.Max);
        Field<NonNullGraphType<DecimalGraphType>>("step").Resolve(c => c.Source.Step);
    }
}
