namespace Drm.Mib.Smi;

public enum MibTokenKind
{
    Identifier,
    Number,
    /// <summary>A quoted string; <see cref="MibToken.Text"/> holds its content without the quotes.</summary>
    QuotedString,
    /// <summary><c>'0A1F'H</c>; the text holds the hex digits.</summary>
    HexString,
    /// <summary><c>'0101'B</c>; the text holds the binary digits.</summary>
    BinaryString,
    /// <summary>One of <c>::= .. { } ( ) [ ] , ; | . - &lt; &gt;</c>.</summary>
    Symbol,
    EndOfText,
}
