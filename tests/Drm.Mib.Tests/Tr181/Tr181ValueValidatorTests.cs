using Drm.Mib.Tr181;

namespace Drm.Mib.Tests.Tr181;

/// <summary>Every rule of value validation, on syntaxes built here so that each case shows the facet it tests.</summary>
public sealed class Tr181ValueValidatorTests
{
    private static readonly Tr181Syntax Text = new() { BaseType = "string" };

    public static TheoryData<string, Tr181Syntax, string, string?> Cases() => new()
    {
        // Built-in types and their bounds.
        { "int", new() { BaseType = "int" }, "-2147483648", null },
        { "int too small", new() { BaseType = "int" }, "-2147483649", Tr181ErrorCodes.OutOfRange },
        { "int with a fraction", new() { BaseType = "int" }, "1.5", Tr181ErrorCodes.WrongType },
        { "unsignedInt", new() { BaseType = "unsignedInt" }, "4294967295", null },
        { "unsignedInt negative", new() { BaseType = "unsignedInt" }, "-1", Tr181ErrorCodes.OutOfRange },
        { "unsignedInt with a space", new() { BaseType = "unsignedInt" }, " 1", Tr181ErrorCodes.WrongType },
        { "long", new() { BaseType = "long" }, "-9223372036854775808", null },
        { "unsignedLong", new() { BaseType = "unsignedLong" }, "18446744073709551615", null },
        { "unsignedLong too large", new() { BaseType = "unsignedLong" }, "18446744073709551616", Tr181ErrorCodes.OutOfRange },
        { "decimal", new() { BaseType = "decimal" }, "-12.25", null },
        { "decimal word", new() { BaseType = "decimal" }, "twelve", Tr181ErrorCodes.WrongType },
        { "boolean true", new() { BaseType = "boolean" }, "true", null },
        { "boolean 0", new() { BaseType = "boolean" }, "0", null },
        { "boolean capitalised", new() { BaseType = "boolean" }, "True", Tr181ErrorCodes.WrongType },
        { "dateTime", new() { BaseType = "dateTime" }, "2026-11-29T08:30:00Z", null },
        { "dateTime with offset and fraction", new() { BaseType = "dateTime" }, "2026-11-29T08:30:00.123456+01:00", null },
        { "dateTime unknown", new() { BaseType = "dateTime" }, "0001-01-01T00:00:00Z", null },
        { "dateTime no time", new() { BaseType = "dateTime" }, "2026-11-29", Tr181ErrorCodes.WrongType },
        { "dateTime no such day", new() { BaseType = "dateTime" }, "2026-02-30T00:00:00Z", Tr181ErrorCodes.WrongType },
        { "base64", new() { BaseType = "base64", MaxLength = 3 }, "AQID", null },
        { "base64 too long", new() { BaseType = "base64", MaxLength = 2 }, "AQID", Tr181ErrorCodes.WrongLength },
        { "base64 broken", new() { BaseType = "base64" }, "AQI*", Tr181ErrorCodes.WrongType },
        { "hexBinary", new() { BaseType = "hexBinary", MinLength = 2, MaxLength = 2 }, "0aFF", null },
        { "hexBinary odd", new() { BaseType = "hexBinary" }, "0aF", Tr181ErrorCodes.WrongType },
        { "hexBinary short", new() { BaseType = "hexBinary", MinLength = 3 }, "0aFF", Tr181ErrorCodes.WrongLength },

        // Facets.
        { "in range", new() { BaseType = "unsignedInt", Ranges = [new(64, 65535)] }, "1500", null },
        { "below range", new() { BaseType = "unsignedInt", Ranges = [new(64, 65535)] }, "63", Tr181ErrorCodes.OutOfRange },
        { "in the second range", new() { BaseType = "int", Ranges = [new(-1, -1), new(1, 10)] }, "-1", null },
        { "between ranges", new() { BaseType = "int", Ranges = [new(-1, -1), new(1, 10)] }, "0", Tr181ErrorCodes.OutOfRange },
        { "on the step", new() { BaseType = "unsignedInt", Ranges = [new(0, 100, 5)] }, "35", null },
        { "off the step", new() { BaseType = "unsignedInt", Ranges = [new(0, 100, 5)] }, "36", Tr181ErrorCodes.OutOfRange },
        { "open range", new() { BaseType = "int", Ranges = [new(null, 0)] }, "-100000", null },
        { "enumerated", Text with { Enumerations = ["Up", "Down"] }, "Up", null },
        { "enumeration is case-sensitive", Text with { Enumerations = ["Up", "Down"] }, "up", Tr181ErrorCodes.NotInEnumeration },
        { "pattern", Text with { Patterns = ["[0-9a-f]{2}(:[0-9a-f]{2}){5}"] }, "00:11:22:aa:bb:cc", null },
        { "pattern is anchored", Text with { Patterns = ["[0-9a-f]{2}"] }, "abc", Tr181ErrorCodes.PatternMismatch },
        { "empty pattern allows empty", Text with { Patterns = ["", "[a-z]+"] }, "", null },
        { "one of several patterns", Text with { Patterns = ["", "[a-z]+"] }, "abc", null },
        { "no pattern matches", Text with { Patterns = ["", "[a-z]+"] }, "ABC", Tr181ErrorCodes.PatternMismatch },
        { "length", Text with { MaxLength = 4 }, "abcd", null },
        { "too long", Text with { MaxLength = 4 }, "abcde", Tr181ErrorCodes.WrongLength },
        { "too short", Text with { MinLength = 2 }, "a", Tr181ErrorCodes.WrongLength },

        // Lists: the whole, the count, each item.
        { "list", new() { BaseType = "unsignedInt", IsList = true, Ranges = [new(0, 120)] }, "0,60,120", null },
        { "empty list", new() { BaseType = "unsignedInt", IsList = true }, "", null },
        { "list with spaces", new() { BaseType = "unsignedInt", IsList = true }, "1, 2", null },
        { "list item out of range", new() { BaseType = "unsignedInt", IsList = true, Ranges = [new(0, 120)] }, "0,121", Tr181ErrorCodes.OutOfRange },
        { "list item of the wrong type", new() { BaseType = "unsignedInt", IsList = true }, "1,x", Tr181ErrorCodes.WrongType },
        { "list empty item", Text with { IsList = true }, "a,,b", Tr181ErrorCodes.ListSyntax },
        { "list trailing comma", Text with { IsList = true }, "a,b,", Tr181ErrorCodes.ListSyntax },
        { "list too few", Text with { IsList = true, ListMinItems = 2 }, "a", Tr181ErrorCodes.ListSyntax },
        { "list too many", Text with { IsList = true, ListMaxItems = 2 }, "a,b,c", Tr181ErrorCodes.ListSyntax },
        { "list too long", Text with { IsList = true, ListMaxLength = 5 }, "ab,cd", null },
        { "list longer than allowed", Text with { IsList = true, ListMaxLength = 4 }, "ab,cd", Tr181ErrorCodes.WrongLength },
        { "list item enumeration", Text with { IsList = true, Enumerations = ["A", "B"] }, "A,C", Tr181ErrorCodes.NotInEnumeration },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void AValue_IsCheckedAgainstItsSyntax(string name, Tr181Syntax syntax, string value, string? expected)
    {
        var errors = Tr181ValueValidator.Validate(syntax, value);

        if (expected is null)
        {
            errors.ShouldBeEmpty(name);
        }
        else
        {
            errors.Select(e => e.Code).ShouldContain(expected, name);
            errors.ShouldAllBe(e => e.Message.Length > 0);
        }
    }

    [Fact]
    public void EveryError_IsReported_NotJustTheFirst()
    {
        var syntax = Text with { IsList = true, ListMaxItems = 1, ListMaxLength = 5, MaxLength = 2, Enumerations = ["ab"] };

        var errors = Tr181ValueValidator.Validate(syntax, "abc,xy");

        errors.Select(e => e.Code).ShouldBe(
            [Tr181ErrorCodes.WrongLength, Tr181ErrorCodes.ListSyntax, Tr181ErrorCodes.WrongLength, Tr181ErrorCodes.NotInEnumeration, Tr181ErrorCodes.NotInEnumeration],
            ignoreOrder: true);
        errors.Count(e => e.Message.StartsWith("Item 1 ('abc')", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public void APatternDotNetCannotCompile_IsNotHeldAgainstTheValue()
    {
        Tr181ValueValidator.Validate(Text with { Patterns = ["\\i\\c*("] }, "anything").ShouldBeEmpty();
    }
}
