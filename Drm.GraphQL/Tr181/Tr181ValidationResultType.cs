using Drm.Engine.Tr181;
using GraphQL.Types;

namespace Drm.GraphQL.Tr181;

public sealed class Tr181ValidationResultType : ObjectGraphType<Tr181ValidationResult>
{
    public Tr181ValidationResultType()
    {
        Name = "Tr181ValidationResult";
        Description = "The verdict on one proposed value, in the order given.";
        Field(r => r.Path);
        Field(r => r.Value);
        Field<NonNullGraphType<BooleanGraphType>>("valid").Resolve(c => c.Source.IsValid);
        Field<Tr181ParameterType>("parameter").Description("The catalog item the path is an instance of (null for an unknown path).")
            .Resolve(c => c.Source.Parameter);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Tr181ValidationErrorType>>>>("errors").Resolve(c => c.Source.Errors);
    }
}
