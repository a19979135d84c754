using System.Text;

namespace Drm.Mib.Smi;

/// <summary>
/// Splits MIB text into tokens. Comments run from <c>--</c> to the end of the line or to the next <c>--</c> (ASN.1);
/// quoted strings may span lines; <c>'..'H</c> and <c>'..'B</c> are hex and binary strings. Characters that belong
/// nowhere are skipped with a warning rather than failing the module.
/// </summary>
public static class MibLexer
{
    public static IReadOnlyList<MibToken> Tokenize(string text, ICollection<MibDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<MibToken>(text.Length / 6);
        var (at, line, lineStart) = (0, 1, 0);
        while (at < text.Length)
        {
            var c = text[at];
            var column = at - lineStart + 1;
            if (c == '\n')
            {
                (at, line, lineStart) = (at + 1, line + 1, at + 1);
                continue;
            }

            if (char.IsWhiteSpace(c) || c == '\uFEFF' || c == '\u001A')
            {
                at++;
                continue;
            }

            if (c == '-' && Peek(text, at + 1) == '-')
            {
                // A comment ends at the line's end or at the next "--".
                at += 2;
                while (at < text.Length && text[at] != '\n' && !(text[at] == '-' && Peek(text, at + 1) == '-'))
                {
                    at++;
                }

                if (at < text.Length && text[at] == '-')
                {
                    at += 2;
                }

                continue;
            }

            if (c == '"')
            {
                var builder = new StringBuilder();
                var (startLine, startColumn) = (line, column);
                at++;
                while (at < text.Length && text[at] != '"')
                {
                    if (text[at] == '\n')
                    {
                        (line, lineStart) = (line + 1, at + 1);
                    }

                    builder.Append(text[at++]);
                }

                if (at >= text.Length)
                {
                    diagnostics.Add(new(MibSeverity.Error, null, startLine, startColumn, "A quoted string is not closed before the end of the text."));
                }

                at++;
                tokens.Add(new(MibTokenKind.QuotedString, builder.ToString(), startLine, startColumn));
                continue;
            }

            if (c == '\'')
            {
                var end = text.IndexOf('\'', at + 1);
                var suffix = end > 0 ? char.ToUpperInvariant(Peek(text, end + 1)) : '\0';
                if (end > 0 && suffix is 'H' or 'B' && !text.AsSpan(at + 1, end - at - 1).Contains('\n'))
                {
                    var digits = text.Substring(at + 1, end - at - 1).Trim();
                    tokens.Add(new(suffix == 'H' ? MibTokenKind.HexString : MibTokenKind.BinaryString, digits, line, column));
                    at = end + 2;
                    continue;
                }

                diagnostics.Add(new(MibSeverity.Warning, null, line, column, "A quote that starts no 'hex'H or 'binary'B string is ignored."));
                at++;
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '-' && char.IsAsciiDigit(Peek(text, at + 1))))
            {
                var start = at++;
                while (at < text.Length && char.IsAsciiDigit(text[at]))
                {
                    at++;
                }

                tokens.Add(new(MibTokenKind.Number, text[start..at], line, column));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = at++;
                while (at < text.Length && (char.IsAsciiLetterOrDigit(text[at]) || text[at] == '_' ||
                       (text[at] == '-' && Peek(text, at + 1) != '-' && (char.IsAsciiLetterOrDigit(Peek(text, at + 1)) || Peek(text, at + 1) == '_'))))
                {
                    at++;
                }

                tokens.Add(new(MibTokenKind.Identifier, text[start..at], line, column));
                continue;
            }

            if (c == ':' && Peek(text, at + 1) == ':' && Peek(text, at + 2) == '=')
            {
                tokens.Add(new(MibTokenKind.Symbol, "::=", line, column));
                at += 3;
                continue;
            }

            if (c == '.' && Peek(text, at + 1) == '.')
            {
                tokens.Add(new(MibTokenKind.Symbol, "..", line, column));
                at += 2;
                continue;
            }

            if ("{}()[],;|.-<>:@!*".Contains(c))
            {
                tokens.Add(new(MibTokenKind.Symbol, c.ToString(), line, column));
                at++;
                continue;
            }

            diagnostics.Add(new(MibSeverity.Warning, null, line, column, $"The character U+{(int)c:X4} is not part of SMI and is ignored."));
            at++;
        }

        tokens.Add(new(MibTokenKind.EndOfText, "", line, at - lineStart + 1));
        return tokens;
    }

    private static char Peek(string text, int at) => at < text.Length ? text[at] : '\0';
}
