using System.Buffers.Text;
using System.Text;

namespace Drm.Engine.Paging;

/// <summary>
/// The position of a row in a list ordered by (<see cref="Key"/>, <see cref="Id"/>). Keyset paging keeps pages stable
/// while rows are inserted and costs the same on page 1,000 as on page 1, unlike OFFSET.
/// </summary>
public sealed record KeysetCursor(string Key, Guid Id)
{
    private const char Separator = '\u001f';

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes("k1" + Separator + Key + Separator + Id.ToString("N")));

    public static bool TryDecode(string text, out KeysetCursor? cursor)
    {
        cursor = null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text)).Split(Separator);
            if (parts.Length != 3 || parts[0] != "k1" || !Guid.TryParseExact(parts[2], "N", out var id))
            {
                return false;
            }

            cursor = new KeysetCursor(parts[1], id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
