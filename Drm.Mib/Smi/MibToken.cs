namespace Drm.Mib.Smi;

/// <summary>A lexical token with where it starts (1-based line and column).</summary>
public readonly record struct MibToken(MibTokenKind Kind, string Text, int Line, int Column)
{
    public bool Is(string symbolOrWord) => (Kind is MibTokenKind.Symbol or MibTokenKind.Identifier) && Text == symbolOrWord;

    public override string ToString() => Kind switch
    {
        MibTokenKind.EndOfText => "end of text",
        MibTokenKind.QuotedString => "a quoted string",
        _ => $"'{Text}'",
    };
}
