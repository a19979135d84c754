using Drm.Mib.Tr181;
using GraphQL.Types;

namespace Drm.GraphQL.Tr181;

public sealed class Tr181ValidationErrorType : ObjectGraphType<Tr181ValueError>
{
    public Tr181ValidationErrorType()
    {
        Name = "Tr181ValidationError";
        Field(e => e.Code).Description(
            "UNKNOWN_PATH, NOT_A_PARAMETER, NOT_WRITABLE, INSTANCE_NUMBER, WRONG_TYPE, OUT_OF_RANGE, NOT_IN_ENUMERATION, PATTERN_MISMATCH, WRONG_LENGTH or LIST_SYNTAX.");
        Field(e => e.Message);
    }
}
