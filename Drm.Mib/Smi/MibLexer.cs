namespace Drm.Mib.Smi;

/// <summary>
/// Splits MIB text into tokens. Comments run from <c>--</c> to the end of the line or to the next <c>--</c> (ASN.1);
/// quoted strings may span lines; <c>'..'H</c> and <c>'..'B</c> are hex and binary strings. Characters that belong
/// nowhere are skipped with a warning rather than failing the module.
/// </summary>
public static class MibLexer
{
    // Identifiers and numbers repeat endlessly across a corpus (SYNTAX, OBJECT-TYPE, 1, 2 …): one string each per
    // thread instead of one per occurrence halves what parsing allocates.
    [ThreadStatic]
    private static HashSet<string>? t_pool;

    private static readonly string[] Symbols = "{}()[],;|.-<>:@!*".Select(c => c.ToString()).ToArray();

    private static string Pooled(ReadOnlySpan<char> text)
    {
        var pool = t_pool ??= new HashSet<string>(StringComparer.Ordinal);
        var lookup = pool.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var existing))
        {
            return existing;
        }

        var created = text.ToString();
        pool.Add(created);
        return created;
    }

    /// <summary>
    /// Appends the tokens to <paramref name="tokens"/>, which callers reuse from one text to the next. Tokens copy what
    /// they need, so the text may live in a pooled buffer.
    /// </summary>
    public static void Tokenize(ReadOnlySpan<char> text, List<MibToken> tokens, ICollection<MibDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(tokens);
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
                while (at < text.Length)
                {
                    var next = text[at..].IndexOfAny('\n', '-');
                    if (next < 0)
                    {
                        at = text.Length;
                        break;
                    }

                    at += next;
                    if (text[at] == '\n' || Peek(text, at + 1) == '-')
                    {
                        break;
                    }

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
                var (startLine, startColumn) = (line, column);
                var close = text[(at + 1)..].IndexOf('"');
                close = close < 0 ? -1 : close + at + 1;
                if (close < 0)
                {
                    diagnostics.Add(new(MibSeverity.Error, null, startLine, startColumn, "A quoted string is not closed before the end of the text."));
                    close = text.Length;
                }

                var content = text.Slice(at + 1, close - at - 1);
                var breaks = content.Count('\n');
                if (breaks > 0)
                {
                    (line, lineStart) = (line + breaks, at + 1 + content.LastIndexOf('\n') + 1);
                }

                tokens.Add(new(MibTokenKind.QuotedString, content.ToString(), startLine, startColumn));
                at = close + 1;
                continue;
            }

            if (c == '\'')
            {
                var end = text[(at + 1)..].IndexOf('\'');
                end = end < 0 ? -1 : end + at + 1;
                var suffix = end > 0 ? char.ToUpperInvariant(Peek(text, end + 1)) : '\0';
                if (end > 0 && suffix is 'H' or 'B' && !text.Slice(at + 1, end - at - 1).Contains('\n'))
                {
                    var digits = text.Slice(at + 1, end - at - 1).Trim().ToString();
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

                tokens.Add(new(MibTokenKind.Number, Pooled(text.Slice(start, at - start)), line, column));
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

                tokens.Add(new(MibTokenKind.Identifier, Pooled(text.Slice(start, at - start)), line, column));
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

            if ("{}()[],;|.-<>:@!*".IndexOf(c) is var symbol and >= 0)
            {
                tokens.Add(new(MibTokenKind.Symbol, Symbols[symbol], line, column));
                at++;
                continue;
            }

            diagnostics.Add(new(MibSeverity.Warning, null, line, column, $"The character U+{(int)c:X4} is not part of SMI and is ignored."));
            at++;
        }

        tokens.Add(new(MibTokenKind.EndOfText, "", line, at - lineStart + 1));
    }

    private static char Peek(ReadOnlySpan<char> text, int at) => at < text.Length ? text[at] : '\0';
}
