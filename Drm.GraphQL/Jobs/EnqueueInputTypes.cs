using GraphQL.Types;

namespace Drm.GraphQL.Jobs;

// The enqueue inputs share one file: they differ only in what follows deviceId.

public sealed class EnqueueSnmpGetInputType : InputObjectGraphType
{
    public EnqueueSnmpGetInputType()
    {
        Name = "EnqueueSnmpGetInput";
        Field<NonNullGraphType<IdGraphType>>("deviceId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("oids").Description("Up to 128 numeric OIDs, read in one GET.");
    }
}

public sealed class EnqueueSnmpSetInputType : InputObjectGraphType
{
    public EnqueueSnmpSetInputType()
    {
        Name = "EnqueueSnmpSetInput";
        Field<NonNullGraphType<IdGraphType>>("deviceId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SnmpVarBindInputType>>>>("varbinds").Description("Written in one SET: all or nothing.");
    }
}

public sealed class EnqueueSnmpBulkwalkInputType : InputObjectGraphType
{
    public EnqueueSnmpBulkwalkInputType()
    {
        Name = "EnqueueSnmpBulkwalkInput";
        Field<NonNullGraphType<IdGraphType>>("deviceId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("oids")
            .Description("Subtrees to walk, e.g. ifTable and ifXTable; they are walked at once, within the device's limit.");
        Field<IntGraphType>("maxRepetitions").Description("GETBULK max-repetitions; by default the value that last worked for the agent.");
    }
}
