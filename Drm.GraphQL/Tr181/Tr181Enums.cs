using Drm.Engine.Tr181;
using Drm.Mib.Tr181;
using GraphQL.Types;

namespace Drm.GraphQL.Tr181;

// The TR-181 enumerations share one file, like the job enumerations.

public sealed class Tr181AccessType : EnumerationGraphType<Tr181Access>
{
    public Tr181AccessType()
    {
        Name = "Tr181Access";
        Description = "Who may write a parameter (or add and delete an object's instances): READ_ONLY, READ_WRITE, or WRITE_ONCE_READ_ONLY (at creation only).";
    }
}

public sealed class Tr181KindType : EnumerationGraphType<Tr181ItemKind>
{
    public Tr181KindType()
    {
        Name = "Tr181Kind";
        Description = "OBJECT (path ends in '.'), PARAMETER, COMMAND (USP, ends in '()') or EVENT (USP, ends in '!').";
    }
}
