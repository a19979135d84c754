using System.Globalization;

namespace Drm.Mib.Smi;

/// <summary>
/// Parses SMIv1 and SMIv2 module text (RFC 1155/1212/1215, RFC 2578/2579/2580) into <see cref="MibModule"/>s; a text
/// may hold several modules. It is lenient where real vendor MIBs break the rules (trailing commas, underscores,
/// v1/v2 mixtures, unknown clauses): those become warnings with module, line and column. What it cannot understand
/// becomes an error at the place, and the parser resumes at the next definition, so one bad object never loses the
/// rest of the module.
/// </summary>
public sealed class MibParser
{
    private static readonly HashSet<string> MacroNames =
    [
        "OBJECT-TYPE", "MODULE-IDENTITY", "OBJECT-IDENTITY", "NOTIFICATION-TYPE", "TRAP-TYPE", "OBJECT-GROUP",
        "NOTIFICATION-GROUP", "MODULE-COMPLIANCE", "AGENT-CAPABILITIES",
    ];


    [ThreadStatic]
    private static List<MibToken>? t_tokens;

    private readonly IReadOnlyList<MibToken> _tokens;
    private readonly string? _source;
    private readonly List<MibDiagnostic> _fileDiagnostics;
    private const int MaxTypeDepth = 32;
    private int _at;
    private int _typeDepth;
    private MibModule? _module;

    private MibParser(IReadOnlyList<MibToken> tokens, string? source, List<MibDiagnostic> fileDiagnostics)
    {
        _tokens = tokens;
        _source = source;
        _fileDiagnostics = fileDiagnostics;
    }

    /// <summary>Parses every module in <paramref name="text"/>. A text without any module gives an empty list and an error in <paramref name="diagnostics"/>.</summary>
    /// <param name="text">The MIB text.</param>
    /// <param name="source">The file name, kept on each module.</param>
    /// <param name="diagnostics">Receives what belongs to no module (text before the first header, lexical trouble there).</param>
    public static IReadOnlyList<MibModule> Parse(string text, string? source, List<MibDiagnostic> diagnostics) =>
        Parse(text.AsSpan(), source, diagnostics);

    /// <inheritdoc cref="Parse(string, string?, List{MibDiagnostic})"/>
    public static IReadOnlyList<MibModule> Parse(ReadOnlySpan<char> text, string? source, List<MibDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var lexical = new List<MibDiagnostic>();
        // The token list is only needed while parsing; reusing one per thread spares a corpus load hundreds of MB.
        var tokens = t_tokens ??= new List<MibToken>(1 << 16);
        tokens.Clear();
        MibLexer.Tokenize(text, tokens, lexical);
        var parser = new MibParser(tokens, source, diagnostics);
        var modules = parser.ParseModules();
        if (tokens.Capacity > 1 << 22)
        {
            // One huge file should not pin its token array for the thread's life.
            t_tokens = null;
        }
        // Lexical diagnostics go to the module whose text holds them.
        foreach (var diagnostic in lexical)
        {
            var owner = modules.LastOrDefault(m => m.Line <= diagnostic.Line);
            if (owner is null)
            {
                diagnostics.Add(diagnostic);
            }
            else
            {
                owner.Diagnostics.Add(diagnostic with { Module = owner.Name });
            }
        }

        if (modules.Count == 0)
        {
            diagnostics.Add(new(MibSeverity.Error, null, 1, 1, "No module found: expected 'NAME DEFINITIONS ::= BEGIN'."));
        }

        return modules;
    }

    private MibToken Current => _tokens[_at];

    private MibToken PeekToken(int ahead = 1) => _tokens[Math.Min(_at + ahead, _tokens.Count - 1)];

    private bool AtEnd => Current.Kind == MibTokenKind.EndOfText;

    private MibToken Next()
    {
        var token = Current;
        if (!AtEnd)
        {
            _at++;
        }

        return token;
    }

    private bool Accept(string text)
    {
        if (!Current.Is(text))
        {
            return false;
        }

        _at++;
        return true;
    }

    private List<MibModule> ParseModules()
    {
        var modules = new List<MibModule>();
        while (!AtEnd)
        {
            if (!(Current.Kind == MibTokenKind.Identifier && PeekToken().Is("DEFINITIONS")))
            {
                var skippedFrom = Current;
                while (!AtEnd && !(Current.Kind == MibTokenKind.Identifier && PeekToken().Is("DEFINITIONS")))
                {
                    _at++;
                }

                var message = modules.Count == 0
                    ? $"Expected a module header 'NAME DEFINITIONS ::= BEGIN' but found {skippedFrom}; the text up to the next header is ignored."
                    : $"Text after the end of module {modules[^1].Name} is ignored (from {skippedFrom}).";
                (modules.Count == 0 ? _fileDiagnostics : modules[^1].Diagnostics).Add(
                    new(MibSeverity.Error, modules.Count == 0 ? null : modules[^1].Name, skippedFrom.Line, skippedFrom.Column, message));
                continue;
            }

            modules.Add(ParseModule());
        }

        return modules;
    }

    private MibModule ParseModule()
    {
        var name = Next();
        _module = new MibModule { Name = name.Text, Line = name.Line, Source = _source };
        Next(); // DEFINITIONS
        // Tag defaults ("IMPLICIT TAGS") and the like are allowed before "::=".
        while (!AtEnd && !Current.Is("::=") && !Current.Is("BEGIN"))
        {
            Next();
        }

        try
        {
            Expect("::=");
            Expect("BEGIN");
            if (Current.Is("EXPORTS"))
            {
                SkipPast(";");
            }

            if (Accept("IMPORTS"))
            {
                ParseImports();
            }
        }
        catch (MibSyntaxException e)
        {
            Error(e.Token, e.Message);
            Recover(_at);
        }

        while (!AtEnd && !Current.Is("END"))
        {
            var start = _at;
            try
            {
                ParseAssignment();
            }
            catch (MibSyntaxException e)
            {
                Error(e.Token, e.Message);
                Recover(start);
            }
        }

        if (!Accept("END"))
        {
            Error(Current, $"Module {_module.Name} has no END.");
        }

        if (_module.Name is "SNMPv2-SMI" or "SNMPv2-TC" or "SNMPv2-CONF" ||
            _module.Imports.Any(i => i.Module is "SNMPv2-SMI" or "SNMPv2-TC" or "SNMPv2-CONF") ||
            _module.Definitions.Any(d => d.Macro == "MODULE-IDENTITY"))
        {
            _module.IsSmiV2 = true;
        }

        return _module;
    }

    private void ParseImports()
    {
        var symbols = new List<string>();
        while (!AtEnd && !Current.Is(";") && !Current.Is("END"))
        {
            var token = Next();
            if (token.Is("FROM"))
            {
                var from = Next();
                if (from.Kind != MibTokenKind.Identifier)
                {
                    throw new MibSyntaxException(from, $"Expected a module name after FROM but found {from}.");
                }

                if (symbols.Count == 0)
                {
                    Warning(from, $"FROM {from.Text} imports nothing.");
                }

                _module!.Imports.Add(new MibImport(from.Text, symbols.ToArray(), token.Line, token.Column));
                symbols.Clear();
                // "FROM X { iso … }" (an ASN.1 module OID) is allowed and ignored.
                if (Current.Is("{"))
                {
                    SkipBalanced();
                }

                if (StartsDefinition())
                {
                    Warning(Current, "IMPORTS is not closed with ';'; it ends before the first definition.");
                    return;
                }

                continue;
            }

            if (token.Is(","))
            {
                if (Current.Is("FROM") || Current.Is(","))
                {
                    Warning(token, "A comma with no symbol after it in IMPORTS is ignored.");
                }

                continue;
            }

            if (token.Kind != MibTokenKind.Identifier)
            {
                Warning(token, $"{token} in IMPORTS is ignored.");
                continue;
            }

            symbols.Add(token.Text);
        }

        if (symbols.Count > 0)
        {
            Error(Current, $"IMPORTS ends without FROM for {string.Join(", ", symbols)}.");
        }

        if (!Accept(";"))
        {
            Error(Current, "IMPORTS is not closed with ';'.");
        }
    }

    private void ParseAssignment()
    {
        var name = Current;
        if (name.Kind != MibTokenKind.Identifier)
        {
            throw new MibSyntaxException(name, $"Expected a definition but found {name}.");
        }

        Next();
        if (Current.Is("MACRO"))
        {
            // Macro definitions live in the core SMI modules; their notation is not ours to interpret.
            _module!.Macros.Add(name.Text);
            Next();
            while (!AtEnd && !Current.Is("END"))
            {
                Next();
            }

            Expect("END");
            return;
        }

        if (Current.Is("OBJECT") && PeekToken().Is("IDENTIFIER") && PeekToken(2).Is("::="))
        {
            _at += 3;
            WarnIfNotLowercase(name, "An OBJECT IDENTIFIER value");
            _module!.Definitions.Add(new MibDefinition
            {
                Name = name.Text, Macro = "OBJECT IDENTIFIER", Line = name.Line, Column = name.Column, Value = ParseOidValue(),
            });
            return;
        }

        if (Current.Is("::="))
        {
            Next();
            ParseTypeAssignment(name);
            return;
        }

        if (Current.Kind == MibTokenKind.Identifier && MacroNames.Contains(Current.Text))
        {
            ParseMacro(name, Next().Text);
            return;
        }

        throw new MibSyntaxException(Current, $"After '{name.Text}' expected '::=', OBJECT IDENTIFIER or a macro such as OBJECT-TYPE, but found {Current}.");
    }

    private void ParseTypeAssignment(MibToken name)
    {
        if (char.IsAsciiLetterLower(name.Text[0]))
        {
            Warning(name, $"The type '{name.Text}' should start with an uppercase letter.");
        }

        if (!Accept("TEXTUAL-CONVENTION"))
        {
            _module!.Types.Add(new MibTypeDefinition { Name = name.Text, Syntax = ParseType(), Line = name.Line });
            return;
        }

        string? hint = null, status = null, description = null;
        MibSyntax? syntax = null;
        while (!AtEnd && !Current.Is("END") && !StartsDefinition())
        {
            var clause = Next();
            switch (clause.Text)
            {
                case "DISPLAY-HINT":
                    hint = ExpectString(clause);
                    break;
                case "STATUS":
                    status = Next().Text;
                    break;
                case "DESCRIPTION":
                    description = ExpectString(clause);
                    break;
                case "REFERENCE":
                    ExpectString(clause);
                    break;
                case "SYNTAX":
                    syntax = ParseType();
                    break;
                default:
                    throw new MibSyntaxException(clause, $"Unexpected {clause} in the TEXTUAL-CONVENTION {name.Text}.");
            }

            if (syntax is not null)
            {
                break;
            }
        }

        if (syntax is null)
        {
            throw new MibSyntaxException(name, $"The TEXTUAL-CONVENTION {name.Text} has no SYNTAX.");
        }

        _module!.Types.Add(new MibTypeDefinition
        {
            Name = name.Text, Syntax = syntax, Line = name.Line, IsTextualConvention = true, DisplayHint = hint,
            Status = status, Description = description,
        });
    }

    private void ParseMacro(MibToken name, string macro)
    {
        WarnIfNotLowercase(name, $"The {macro} value");
        var definition = new MibDefinition { Name = name.Text, Macro = macro, Line = name.Line, Column = name.Column };
        var skipBody = macro is "MODULE-COMPLIANCE" or "AGENT-CAPABILITIES";
        string? enterprise = null;
        while (!AtEnd && !Current.Is("::="))
        {
            if (StartsDefinition() || Current.Is("END"))
            {
                throw new MibSyntaxException(Current, $"The {macro} {name.Text} has no '::=' value.");
            }

            var clause = Next();
            if (skipBody)
            {
                // Only the compliance's own STATUS and DESCRIPTION matter; its MODULE, GROUP, OBJECT and VARIATION
                // parts (with their own SYNTAX and DESCRIPTION clauses) are passed over.
                if (clause.Is("STATUS") && definition.Status is null)
                {
                    definition.Status = ExpectIdentifier(clause).Text;
                }
                else if (clause.Is("DESCRIPTION") && definition.Description is null && Current.Kind == MibTokenKind.QuotedString)
                {
                    definition.Description = Next().Text;
                }
                else if (clause.Is("{") || clause.Is("("))
                {
                    _at--;
                    SkipBalanced();
                }

                continue;
            }

            switch (clause.Text)
            {
                case "SYNTAX":
                    definition.Syntax = ParseType();
                    break;
                case "WRITE-SYNTAX":
                    ParseType();
                    break;
                case "MAX-ACCESS" or "ACCESS" or "MIN-ACCESS":
                    definition.Access = ExpectIdentifier(clause).Text;
                    break;
                case "STATUS":
                    definition.Status = ExpectIdentifier(clause).Text;
                    break;
                case "UNITS":
                    definition.Units = ExpectString(clause);
                    break;
                case "DESCRIPTION":
                    // A MODULE-IDENTITY's later DESCRIPTIONs belong to its REVISIONs.
                    var description = ExpectString(clause);
                    definition.Description ??= description;
                    if (macro == "MODULE-IDENTITY")
                    {
                        _module!.Description ??= description;
                    }

                    break;
                case "REFERENCE":
                    definition.Reference = ExpectString(clause);
                    break;
                case "REVISION":
                    var revision = ExpectString(clause);
                    if (macro == "MODULE-IDENTITY")
                    {
                        _module!.Revisions.Add(revision);
                    }

                    break;
                case "LAST-UPDATED":
                    _module!.LastUpdated = ExpectString(clause);
                    break;
                case "ORGANIZATION":
                    _module!.Organization = ExpectString(clause);
                    break;
                case "CONTACT-INFO":
                    _module!.ContactInfo = ExpectString(clause);
                    break;
                case "DISPLAY-HINT" or "PRODUCT-RELEASE":
                    ExpectString(clause);
                    break;
                case "INDEX":
                    definition.Index = ParseIndex();
                    break;
                case "AUGMENTS":
                    var augments = ParseNameList(clause);
                    definition.Augments = augments.FirstOrDefault();
                    break;
                case "OBJECTS" or "NOTIFICATIONS" or "VARIABLES":
                    definition.Objects = ParseNameList(clause);
                    break;
                case "DEFVAL":
                    definition.DefaultValue = SkipBalanced();
                    break;
                case "ENTERPRISE":
                    if (Current.Is("{"))
                    {
                        var value = ParseOidValue();
                        enterprise = value.Count == 1 ? value[0].Name : null;
                        if (enterprise is null)
                        {
                            definition.Value = value;
                        }
                    }
                    else
                    {
                        enterprise = ExpectIdentifier(clause).Text;
                    }

                    break;
                default:
                    if (clause.Kind == MibTokenKind.Identifier && clause.Text.All(c => char.IsAsciiLetterUpper(c) || c == '-'))
                    {
                        Warning(clause, $"The clause {clause.Text} is not part of {macro} and is ignored.");
                        if (Current.Is("{") || Current.Is("("))
                        {
                            SkipBalanced();
                        }
                        else if (Current.Kind is MibTokenKind.QuotedString or MibTokenKind.Number)
                        {
                            Next();
                        }

                        break;
                    }

                    throw new MibSyntaxException(clause, $"Unexpected {clause} in the {macro} {name.Text}.");
            }
        }

        Expect("::=");
        if (macro == "TRAP-TYPE")
        {
            var number = Next();
            if (number.Kind != MibTokenKind.Number || !uint.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var trap))
            {
                throw new MibSyntaxException(number, $"A TRAP-TYPE's value is its trap number, but found {number}.");
            }

            if (enterprise is null && definition.Value.Count == 0)
            {
                throw new MibSyntaxException(name, $"The TRAP-TYPE {name.Text} has no ENTERPRISE.");
            }

            // SMIv2's mapping of a v1 trap (RFC 3584): enterprise.0.trap-number.
            definition.Value = enterprise is null
                ? [.. definition.Value, new(null, 0), new(null, trap)]
                : [new(enterprise, null), new(null, 0), new(null, trap)];
        }
        else
        {
            definition.Value = ParseOidValue();
        }

        _module!.Definitions.Add(definition);
    }

    private List<MibOidComponent> ParseOidValue()
    {
        var open = Current;
        if (!Accept("{"))
        {
            throw new MibSyntaxException(open, $"Expected an OID value '{{ parent number }}' but found {open}.");
        }

        var components = new List<MibOidComponent>();
        while (!AtEnd && !Current.Is("}"))
        {
            var token = Next();
            if (token.Kind == MibTokenKind.Number)
            {
                components.Add(new(null, ParseArc(token)));
            }
            else if (token.Kind == MibTokenKind.Identifier)
            {
                // "Module.name" names a symbol of another module.
                var symbol = token.Text;
                if (Current.Is(".") && PeekToken().Kind == MibTokenKind.Identifier)
                {
                    Next();
                    symbol = Next().Text;
                }

                uint? number = null;
                if (Accept("("))
                {
                    var value = Next();
                    if (value.Kind != MibTokenKind.Number)
                    {
                        throw new MibSyntaxException(value, $"Expected a number in '{symbol}(…)' but found {value}.");
                    }

                    number = ParseArc(value);
                    Expect(")");
                }

                components.Add(new(symbol, number));
            }
            else if (token.Is(","))
            {
                Warning(token, "A comma inside an OID value is ignored.");
            }
            else
            {
                throw new MibSyntaxException(token, $"Unexpected {token} in an OID value.");
            }
        }

        Expect("}");
        if (components.Count == 0)
        {
            throw new MibSyntaxException(open, "The OID value is empty.");
        }

        return components;
    }

    private MibSyntax ParseType()
    {
        // Types nest (SEQUENCE OF, SEQUENCE { … }); real MIBs go two deep, and a hostile text must not exhaust the stack.
        if (++_typeDepth > MaxTypeDepth)
        {
            _typeDepth = 0;
            throw new MibSyntaxException(Current, $"Types are nested more than {MaxTypeDepth} deep.");
        }

        try
        {
            return ParseTypeCore();
        }
        finally
        {
            _typeDepth = Math.Max(0, _typeDepth - 1);
        }
    }

    private MibSyntax ParseTypeCore()
    {
        if (Current.Is("["))
        {
            // [APPLICATION n] IMPLICIT … in the SMI modules' own type definitions.
            SkipBalanced();
            if (Current.Is("IMPLICIT") || Current.Is("EXPLICIT"))
            {
                Next();
            }
        }

        var first = Next();
        MibSyntax syntax;
        switch (first.Text)
        {
            case "OCTET" when Current.Is("STRING"):
                Next();
                syntax = new MibSyntax("OCTET STRING");
                break;
            case "OBJECT" when Current.Is("IDENTIFIER"):
                Next();
                syntax = new MibSyntax("OBJECT IDENTIFIER");
                break;
            case "SEQUENCE" when Current.Is("OF"):
                Next();
                var entry = ParseType();
                return new MibSyntax("SEQUENCE OF") { EntryType = entry.Name };
            case "SEQUENCE" or "CHOICE" when Current.Is("{"):
                return new MibSyntax(first.Text) { Members = ParseMembers() };
            default:
                if (first.Kind != MibTokenKind.Identifier)
                {
                    throw new MibSyntaxException(first, $"Expected a type but found {first}.");
                }

                syntax = new MibSyntax(first.Text);
                // "Module.Type" refers to another module's type.
                if (Current.Is(".") && PeekToken().Kind == MibTokenKind.Identifier)
                {
                    Next();
                    syntax = new MibSyntax(Next().Text);
                }

                break;
        }

        if (Current.Is("{"))
        {
            syntax = syntax with { NamedNumbers = ParseNamedNumbers() };
        }

        if (Current.Is("("))
        {
            syntax = ParseConstraint(syntax);
        }

        return syntax;
    }

    private List<(string, MibSyntax)> ParseMembers()
    {
        Expect("{");
        var members = new List<(string, MibSyntax)>();
        while (!AtEnd && !Current.Is("}"))
        {
            var member = ExpectIdentifier(Current);
            members.Add((member.Text, ParseType()));
            if (!Accept(","))
            {
                if (Current.Kind != MibTokenKind.Identifier)
                {
                    break;
                }

                Warning(Current, $"A comma is missing before the SEQUENCE member '{Current.Text}'.");
                continue;
            }

            if (Current.Is("}"))
            {
                Warning(Current, "A trailing comma in a SEQUENCE is ignored.");
            }
        }

        Expect("}");
        return members;
    }

    private List<MibNamedNumber> ParseNamedNumbers()
    {
        Expect("{");
        var numbers = new List<MibNamedNumber>();
        while (!AtEnd && !Current.Is("}"))
        {
            var label = ExpectIdentifier(Current);
            Expect("(");
            var value = Next();
            if (value.Kind != MibTokenKind.Number || !long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                throw new MibSyntaxException(value, $"Expected a number for the label '{label.Text}' but found {value}.");
            }

            Expect(")");
            numbers.Add(new(label.Text, number));
            if (!Accept(","))
            {
                if (Current.Kind == MibTokenKind.Identifier && PeekToken().Is("("))
                {
                    Warning(Current, $"A comma is missing before the label '{Current.Text}'.");
                    continue;
                }

                break;
            }

            if (Current.Is("}"))
            {
                Warning(Current, "A trailing comma in a list of named numbers is ignored.");
            }
        }

        Expect("}");
        return numbers;
    }

    private MibSyntax ParseConstraint(MibSyntax syntax)
    {
        Expect("(");
        if (Accept("SIZE"))
        {
            Expect("(");
            var sizes = ParseRanges();
            Expect(")");
            Expect(")");
            return syntax with { Sizes = sizes };
        }

        var ranges = ParseRanges();
        Expect(")");
        return syntax with { Ranges = ranges };
    }

    private List<MibRange> ParseRanges()
    {
        var ranges = new List<MibRange>();
        do
        {
            var low = ParseBound();
            var high = Accept("..") ? ParseBound() : low;
            if (high < low)
            {
                Warning(Current, $"The range {low}..{high} runs backwards.");
            }

            ranges.Add(new(low, high));
        }
        while (Accept("|"));

        return ranges;
    }

    private decimal ParseBound()
    {
        var token = Next();
        switch (token.Kind)
        {
            case MibTokenKind.Number when decimal.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value):
                return value;
            case MibTokenKind.HexString when token.Text.Length <= 24 && token.Text.All(char.IsAsciiHexDigit):
                return token.Text.Length == 0 ? 0 : (decimal)System.Numerics.BigInteger.Parse("0" + token.Text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            case MibTokenKind.BinaryString when token.Text.Length <= 64 && token.Text.All(c => c is '0' or '1'):
                return token.Text.Length == 0 ? 0 : Convert.ToUInt64(token.Text, 2);
            case MibTokenKind.Identifier when token.Text == "MIN":
                return decimal.MinValue;
            case MibTokenKind.Identifier when token.Text == "MAX":
                return decimal.MaxValue;
            default:
                throw new MibSyntaxException(token, $"Expected a number in a range but found {token}.");
        }
    }

    private List<MibIndexItem> ParseIndex()
    {
        Expect("{");
        var items = new List<MibIndexItem>();
        while (!AtEnd && !Current.Is("}"))
        {
            var implied = Accept("IMPLIED");
            var item = Next();
            // SMIv1 allows types in INDEX (INTEGER, OCTET STRING, NetworkAddress …).
            if (item.Is("OCTET") && Current.Is("STRING") || item.Is("OBJECT") && Current.Is("IDENTIFIER"))
            {
                item = item with { Text = item.Text + " " + Next().Text };
            }
            else if (item.Kind != MibTokenKind.Identifier)
            {
                throw new MibSyntaxException(item, $"Expected an object in INDEX but found {item}.");
            }

            items.Add(new(item.Text, implied));
            if (Current.Is("("))
            {
                SkipBalanced();
            }

            if (!Accept(","))
            {
                break;
            }
        }

        Expect("}");
        return items;
    }

    private List<string> ParseNameList(MibToken clause)
    {
        if (!Current.Is("{"))
        {
            throw new MibSyntaxException(Current, $"Expected '{{' after {clause.Text} but found {Current}.");
        }

        Next();
        var names = new List<string>();
        while (!AtEnd && !Current.Is("}"))
        {
            var token = Next();
            if (token.Kind == MibTokenKind.Identifier)
            {
                names.Add(token.Text);
            }
            else if (!token.Is(","))
            {
                throw new MibSyntaxException(token, $"Unexpected {token} in {clause.Text}.");
            }
            else if (Current.Is("}") || Current.Is(","))
            {
                Warning(token, $"An empty item in {clause.Text} is ignored.");
            }
        }

        Expect("}");
        return names;
    }

    // Skips a balanced {…}, (…) or […] group and returns its text.
    private string SkipBalanced()
    {
        var open = Next();
        var close = open.Text switch { "{" => "}", "(" => ")", "[" => "]", _ => throw new MibSyntaxException(open, $"Expected a bracket but found {open}.") };
        var depth = 1;
        var parts = new List<string>();
        while (!AtEnd && depth > 0)
        {
            var token = Next();
            if (token.Is(open.Text))
            {
                depth++;
            }
            else if (token.Is(close))
            {
                depth--;
                if (depth == 0)
                {
                    break;
                }
            }
            else if (token.Is("::=") || token.Is("END") && depth > 0 && PeekToken().Kind == MibTokenKind.EndOfText)
            {
                throw new MibSyntaxException(token, $"The '{open.Text}' opened at {open.Line}:{open.Column} is not closed.");
            }

            parts.Add(token.Kind switch
            {
                MibTokenKind.QuotedString => $"\"{token.Text}\"",
                MibTokenKind.HexString => $"'{token.Text}'H",
                MibTokenKind.BinaryString => $"'{token.Text}'B",
                _ => token.Text,
            });
        }

        if (depth > 0)
        {
            throw new MibSyntaxException(open, $"The '{open.Text}' opened here is not closed.");
        }

        return string.Join(' ', parts);
    }

    private void SkipPast(string symbol)
    {
        while (!AtEnd && !Current.Is(symbol))
        {
            Next();
        }

        Next();
    }

    // True when the current token begins a new assignment: "name MACRO", "name OBJECT IDENTIFIER ::=" or "Name ::=".
    private bool StartsDefinition()
    {
        if (Current.Kind != MibTokenKind.Identifier)
        {
            return false;
        }

        var next = PeekToken();
        return next.Is("::=") || next.Is("MACRO") ||
               (next.Kind == MibTokenKind.Identifier && MacroNames.Contains(next.Text) && !MacroNames.Contains(Current.Text)) ||
               (next.Is("OBJECT") && PeekToken(2).Is("IDENTIFIER") && PeekToken(3).Is("::="));
    }

    // After an error: skip to the next token that starts a definition (or END), at least one token on.
    private void Recover(int start)
    {
        if (_at == start)
        {
            Next();
        }

        while (!AtEnd && !Current.Is("END") && !StartsDefinition())
        {
            Next();
        }
    }

    private void Expect(string symbol)
    {
        if (!Accept(symbol))
        {
            throw new MibSyntaxException(Current, $"Expected '{symbol}' but found {Current}.");
        }
    }

    private MibToken ExpectIdentifier(MibToken after)
    {
        var token = Next();
        return token.Kind == MibTokenKind.Identifier ? token
            : throw new MibSyntaxException(token, $"Expected a name after {after} but found {token}.");
    }

    private string ExpectString(MibToken clause)
    {
        var token = Next();
        return token.Kind == MibTokenKind.QuotedString ? token.Text
            : throw new MibSyntaxException(token, $"Expected a quoted string after {clause.Text} but found {token}.");
    }

    private uint ParseArc(MibToken token) =>
        uint.TryParse(token.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var arc) ? arc
            : throw new MibSyntaxException(token, $"'{token.Text}' is not an OID arc (0 to 4294967295).");

    private void WarnIfNotLowercase(MibToken name, string what)
    {
        if (!char.IsAsciiLetterLower(name.Text[0]))
        {
            Warning(name, $"{what} '{name.Text}' should start with a lowercase letter.");
        }

        if (name.Text.Contains('_'))
        {
            Warning(name, $"'{name.Text}' contains an underscore, which SMI does not allow.");
        }
    }

    private void Warning(MibToken at, string message) =>
        _module?.Diagnostics.Add(new(MibSeverity.Warning, _module.Name, at.Line, at.Column, message));

    private void Error(MibToken at, string message) =>
        _module?.Diagnostics.Add(new(MibSeverity.Error, _module.Name, at.Line, at.Column, message));

    private sealed class MibSyntaxException(MibToken token, string message) : Exception(message)
    {
        public MibToken Token { get; } = token;
    }
}
