using Drm.Engine.Tr069;
using GraphQL.Types;

namespace Drm.GraphQL.Tr069;

// The two TR-069 enqueue inputs share one file, as the SNMP and WebPA ones do.

public sealed class EnqueueTr069GetInputType : InputObjectGraphType
{
    public EnqueueTr069GetInputType()
    {
        Name = "EnqueueTr069GetInput";
        Field<NonNullGraphType<IdGraphType>>("deviceId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("names")
            .Description($"Up to {Tr069Service.MaxNames} parameter paths or object paths ending in '.', read from the CPE in one GetParameterValues.");
    }
}

public sealed class EnqueueTr069SetInputType : InputObjectGraphType
{
    public EnqueueTr069SetInputType()
    {
        Name = "EnqueueTr069SetInput";
        Field<NonNullGraphType<IdGraphType>>("deviceId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<Tr069ParameterInputType>>>>("parameters")
            .Description($"Up to {Tr069Service.MaxSetParameters} parameters, set in one SetParameterValues: the CPE applies all or none.");
        Field<BooleanGraphType>("force")
            .Description("Send values the TR-181 catalog refuses. Default false: such a set is refused with BAD_USER_INPUT listing every error.");
    }
}
