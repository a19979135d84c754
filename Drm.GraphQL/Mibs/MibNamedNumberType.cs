using Drm.Engine.Mibs;
using Drm.Mib.Smi;
using GraphQL.Types;

namespace Drm.GraphQL.Mibs;

public sealed class MibNamedNumberType : ObjectGraphType<MibNamedNumber>
{
    public MibNamedNumberType()
    {
        Name = "MibNamedNumber";
        Field(n => n.Name);
        Field<NonNullGraphType<LongGraphType>>("value").Resolve(c => c.Source.Value);
    }
}
