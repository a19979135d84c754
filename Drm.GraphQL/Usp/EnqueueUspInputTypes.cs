using Drm.Engine.Usp;
using GraphQL.Types;

namespace Drm.GraphQL.Usp;

// The two USP enqueue inputs share one file, as the other protocols' do.

public sealed class EnqueueUspGetInputType : InputObjectGraphType
{
    public EnqueueUspGetInputType()
    {
        Name = "EnqueueUspGetInput";
        Field<NonNullGraphType<IdGraphType>>("deviceId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("names")
            .Description($"Up to {UspService.MaxNames} parameter paths or object paths ending in '.', read in one USP Get.");
    }
}

public sealed class EnqueueUspSetInputType : InputObjectGraphType
{
    public EnqueueUspSetInputType()
    {
        Name = "EnqueueUspSetInput";
        Field<NonNullGraphType<IdGraphType>>("deviceId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UspParameterInputType>>>>("parameters")
            .Description($"Up to {UspService.MaxSetParameters} parameters, set in one USP Set with allow_partial false: the agent applies all or none.");
        Field<BooleanGraphType>("force")
            .Description("Send values the TR-181 catalog refuses. Default false: such a set is refused with BAD_USER_INPUT listing every error.");
    }
}
