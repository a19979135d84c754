using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Drm.Mib.Tr181;

/// <summary>
/// Checks a proposed value against a parameter's syntax as TR-106 defines the types: the built-in type's lexical form
/// and bounds, then the facets (ranges with steps, enumerations, patterns, lengths). A list is a comma-separated
/// string: its whole length and item count are checked, then each item as a value of the item syntax.
/// Every error is reported, not just the first.
/// </summary>
public static class Tr181ValueValidator
{
    private const int MaxReported = 10;

    private static readonly Regex DateTimeForm = new(
        @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    // The data model's patterns are XML Schema regular expressions: anchored at both ends. Null marks a pattern .NET
    // cannot compile, which is then not checked rather than refusing every value.
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    public static IReadOnlyList<Tr181ValueError> Validate(Tr181Syntax syntax, string value)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<Tr181ValueError>();
        if (!syntax.IsList)
        {
            CheckItem(syntax, value, null, errors);
            return errors;
        }

        if (syntax.ListMaxLength is { } maxLength && value.Length > maxLength)
        {
            errors.Add(new(Tr181ErrorCodes.WrongLength, $"The list is {value.Length} characters long; at most {maxLength} are allowed."));
        }

        // An empty string is the empty list; otherwise every comma separates two items, and none may be empty.
        var items = value.Length == 0 ? [] : value.Split(',').Select(i => i.Trim()).ToArray();
        if (items.Any(i => i.Length == 0))
        {
            errors.Add(new(Tr181ErrorCodes.ListSyntax, "The list has an empty item: items are separated by single commas, with no comma at either end."));
        }

        if (syntax.ListMinItems is { } min && items.Length < min)
        {
            errors.Add(new(Tr181ErrorCodes.ListSyntax, $"The list has {items.Length} items; at least {min} are needed."));
        }

        if (syntax.ListMaxItems is { } max && items.Length > max)
        {
            errors.Add(new(Tr181ErrorCodes.ListSyntax, $"The list has {items.Length} items; at most {max} are allowed."));
        }

        for (var i = 0; i < items.Length && errors.Count < MaxReported; i++)
        {
            if (items[i].Length > 0)
            {
                CheckItem(syntax, items[i], i + 1, errors);
            }
        }

        return errors;
    }

    private static void CheckItem(Tr181Syntax syntax, string value, int? item, List<Tr181ValueError> errors)
    {
        var what = item is { } n ? $"Item {n} ('{Shorten(value)}')" : $"'{Shorten(value)}'";
        switch (syntax.BaseType)
        {
            case "int":
                CheckNumber(syntax, value, what, int.MinValue, int.MaxValue, integer: true, errors);
                break;
            case "unsignedInt":
                CheckNumber(syntax, value, what, 0, uint.MaxValue, integer: true, errors);
                break;
            case "long":
                CheckNumber(syntax, value, what, long.MinValue, long.MaxValue, integer: true, errors);
                break;
            case "unsignedLong":
                CheckNumber(syntax, value, what, 0, ulong.MaxValue, integer: true, errors);
                break;
            case "decimal":
                CheckNumber(syntax, value, what, null, null, integer: false, errors);
                break;
            case "boolean":
                if (value is not ("true" or "false" or "1" or "0"))
                {
                    errors.Add(new(Tr181ErrorCodes.WrongType, $"{what} is not a boolean: give true, false, 1 or 0."));
                }

                break;
            case "dateTime":
                // The form first, then the calendar: 2026-02-30 has the form and no day.
                if (!DateTimeForm.IsMatch(value)
                    || !DateTime.TryParseExact(value[..19], "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    errors.Add(new(Tr181ErrorCodes.WrongType, $"{what} is not a dateTime: give e.g. 2026-11-29T08:30:00Z (0001-01-01T00:00:00Z for unknown)."));
                }

                break;
            case "base64":
                var bytes = new byte[value.Length];
                if (!Convert.TryFromBase64String(value, bytes, out var decoded))
                {
                    errors.Add(new(Tr181ErrorCodes.WrongType, $"{what} is not base64."));
                    return;
                }

                CheckLength(syntax, decoded, "bytes", what, errors);
                break;
            case "hexBinary":
                if (value.Length % 2 != 0 || !value.All(char.IsAsciiHexDigit))
                {
                    errors.Add(new(Tr181ErrorCodes.WrongType, $"{what} is not hexBinary: give an even number of hex digits."));
                    return;
                }

                CheckLength(syntax, value.Length / 2, "bytes", what, errors);
                break;
            default:
                CheckLength(syntax, value.Length, "characters", what, errors);
                CheckEnumeration(syntax, value, what, errors);
                CheckPatterns(syntax, value, what, errors);
                break;
        }
    }

    private static void CheckNumber(
        Tr181Syntax syntax, string value, string what, decimal? typeMin, decimal? typeMax, bool integer, List<Tr181ValueError> errors)
    {
        var style = integer ? NumberStyles.AllowLeadingSign : NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (value.Length == 0 || char.IsWhiteSpace(value[0]) || !decimal.TryParse(value, style, CultureInfo.InvariantCulture, out var number))
        {
            errors.Add(new(Tr181ErrorCodes.WrongType, $"{what} is not {(integer ? "an integer" : "a decimal number")} ({syntax.BaseType})."));
            return;
        }

        if (number < typeMin || number > typeMax)
        {
            errors.Add(new(Tr181ErrorCodes.OutOfRange, $"{what} is outside {syntax.BaseType} ({typeMin} to {typeMax})."));
            return;
        }

        if (syntax.Ranges.Count > 0 && !syntax.Ranges.Any(r => InRange(r, number)))
        {
            errors.Add(new(Tr181ErrorCodes.OutOfRange, $"{what} is outside the allowed {string.Join(" or ", syntax.Ranges.Select(Describe))}."));
        }

        // Numbers with enumerations exist too (a few unsignedInt parameters list their values).
        if (syntax.Enumerations.Count > 0)
        {
            CheckEnumeration(syntax, value, what, errors);
        }
    }

    private static bool InRange(Tr181Range range, decimal number) =>
        (range.Min is not { } min || number >= min)
        && (range.Max is not { } max || number <= max)
        && (range.Step <= 1 || (number - (range.Min ?? 0)) % range.Step == 0);

    private static string Describe(Tr181Range range) =>
        $"range {range.Min?.ToString(CultureInfo.InvariantCulture) ?? "…"} to {range.Max?.ToString(CultureInfo.InvariantCulture) ?? "…"}"
        + (range.Step > 1 ? $" in steps of {range.Step.ToString(CultureInfo.InvariantCulture)}" : "");

    private static void CheckLength(Tr181Syntax syntax, int length, string unit, string what, List<Tr181ValueError> errors)
    {
        if (syntax.MinLength is { } min && length < min)
        {
            errors.Add(new(Tr181ErrorCodes.WrongLength, $"{what} has {length} {unit}; at least {min} are needed."));
        }

        if (syntax.MaxLength is { } max && length > max)
        {
            errors.Add(new(Tr181ErrorCodes.WrongLength, $"{what} has {length} {unit}; at most {max} are allowed."));
        }
    }

    private static void CheckEnumeration(Tr181Syntax syntax, string value, string what, List<Tr181ValueError> errors)
    {
        if (syntax.Enumerations.Count > 0 && !syntax.Enumerations.Contains(value, StringComparer.Ordinal))
        {
            var allowed = string.Join(", ", syntax.Enumerations.Take(12)) + (syntax.Enumerations.Count > 12 ? ", …" : "");
            errors.Add(new(Tr181ErrorCodes.NotInEnumeration, $"{what} is not one of the allowed values: {allowed}."));
        }
    }

    private static void CheckPatterns(Tr181Syntax syntax, string value, string what, List<Tr181ValueError> errors)
    {
        if (syntax.Patterns.Count == 0)
        {
            return;
        }

        var compiled = syntax.Patterns.Select(Compile).ToList();
        if (compiled.Any(p => p is null))
        {
            return;
        }

        try
        {
            if (!compiled.Any(p => p!.IsMatch(value)))
            {
                var shown = string.Join(" or ", syntax.Patterns.Take(4).Select(p => p.Length == 0 ? "(empty)" : p));
                errors.Add(new(Tr181ErrorCodes.PatternMismatch, $"{what} does not match the pattern {shown}."));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            errors.Add(new(Tr181ErrorCodes.PatternMismatch, $"{what} could not be matched against the pattern in time; it is refused."));
        }
    }

    private static Regex? Compile(string pattern) => Patterns.GetOrAdd(pattern, static p =>
    {
        try
        {
            return new Regex("^(?:" + p + ")$", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..61] + "...";
}
