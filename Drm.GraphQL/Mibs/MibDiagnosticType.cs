using Drm.Engine.Mibs;
using GraphQL.Types;

namespace Drm.GraphQL.Mibs;

public sealed class MibDiagnosticType : ObjectGraphType<MibModuleDiagnostic>
{
    public MibDiagnosticType()
    {
        Name = "MibDiagnostic";
        Field(d => d.Severity).Description("WARNING or ERROR.");
        Field(d => d.Line);
        Field(d => d.Column);
        Field(d => d.Message);
    }
}
