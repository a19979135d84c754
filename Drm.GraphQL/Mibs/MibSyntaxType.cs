using Drm.Engine.Mibs;
using Drm.Mib.Smi;
using GraphQL.Types;

namespace Drm.GraphQL.Mibs;

public sealed class MibSyntaxType : ObjectGraphType<MibOidSyntax>
{
    public MibSyntaxType()
    {
        Name = "MibSyntax";
        Description = "An object's SYNTAX: the type named, the SMI base type under it, the textual conventions between, and its constraints.";
        Field(s => s.Type).Description("As written in SYNTAX (DisplayString, INTEGER, Counter64).");
        Field(s => s.BaseType, nullable: true).Description("The SMI base type (OCTET STRING, INTEGER, Counter64…).");
        Field(s => s.TextualConventions).Description("The textual conventions from SYNTAX down to the base type.");
        Field(s => s.DisplayHint, nullable: true);
        Field(s => s.Ranges).Description("Value ranges (0..255, or single values).");
        Field(s => s.Sizes).Description("SIZE constraints.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MibNamedNumberType>>>>("enumeration")
            .Description("Enumeration labels or BITS positions.")
            .Resolve(c => c.Source.Enumeration);
    }
}
