using Drm.Mib.Tr181;
using GraphQL.Types;

namespace Drm.GraphQL.Tr181;

public sealed class Tr181ArgumentType : ObjectGraphType<Tr181Parameter>
{
    public Tr181ArgumentType()
    {
        Name = "Tr181Argument";
        Description = "An input or output argument of a USP command, or an argument of a USP event.";
        Field(a => a.Path).Description("The command or event path with the argument's name (Device.IP.Diagnostics.IPPing().Host).");
        Field(a => a.Name);
        Field<NonNullGraphType<Tr181SyntaxType>>("syntax").Resolve(c => c.Source.Syntax);
        Field(a => a.Description, nullable: true);
    }
}
