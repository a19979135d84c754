namespace Drm.Mib.Tr181;

/// <summary>The stable codes of <see cref="Tr181ValueError"/>.</summary>
public static class Tr181ErrorCodes
{
    public const string UnknownPath = "UNKNOWN_PATH";
    public const string NotAParameter = "NOT_A_PARAMETER";
    public const string NotWritable = "NOT_WRITABLE";
    public const string InstanceNumber = "INSTANCE_NUMBER";
    public const string WrongType = "WRONG_TYPE";
    public const string OutOfRange = "OUT_OF_RANGE";
    public const string NotInEnumeration = "NOT_IN_ENUMERATION";
    public const string PatternMismatch = "PATTERN_MISMATCH";
    public const string WrongLength = "WRONG_LENGTH";
    public const string ListSyntax = "LIST_SYNTAX";
}
