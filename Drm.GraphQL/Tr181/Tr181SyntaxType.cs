using Drm.Mib.Tr181;
using GraphQL.Types;

namespace Drm.GraphQL.Tr181;

public sealed class Tr181SyntaxType : ObjectGraphType<Tr181Syntax>
{
    public Tr181SyntaxType()
    {
        Name = "Tr181Syntax";
        Description = "A parameter's syntax with its named data type resolved: the built-in type, and every facet from the data type chain (the nearest wins).";
        Field(s => s.BaseType).Description("string, int, unsignedInt, long, unsignedLong, boolean, dateTime, base64, hexBinary or decimal.");
        Field(s => s.DataType, nullable: true).Description("The named data type it was declared with (IPv4Address, Alias…).");
        Field(s => s.IsList).Description("The value is a comma-separated list; the facets below apply to each item.");
        Field(s => s.ListMinItems, nullable: true);
        Field(s => s.ListMaxItems, nullable: true);
        Field(s => s.ListMaxLength, nullable: true).Description("The whole list's maximum length in characters.");
        Field(s => s.MinLength, nullable: true).Description("Characters for strings, bytes for base64 and hexBinary.");
        Field(s => s.MaxLength, nullable: true);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Tr181RangeType>>>>("ranges").Resolve(c => c.Source.Ranges);
        Field(s => s.Enumerations);
        Field(s => s.Patterns).Description("XML Schema regular expressions; a value must match one (\"\" allows the empty string).");
        Field(s => s.Units, nullable: true);
        Field(s => s.Default, nullable: true);
        Field(s => s.Reference, nullable: true).Description("pathRef, instanceRef or enumerationRef when the value names other parts of the model.");
    }
}
