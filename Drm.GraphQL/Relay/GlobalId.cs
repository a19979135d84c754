using System.Buffers.Text;
using System.Text;
using Drm.Engine;

namespace Drm.GraphQL.Relay;

/// <summary>Relay global IDs: base64url of <c>Type:uuid</c>, so <c>node(id:)</c> knows which type to load.</summary>
public static class GlobalId
{
    public static string Encode(string typeName, Guid id) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{id:N}"));

    public static bool TryDecode(string? globalId, out string typeName, out Guid id)
    {
        typeName = "";
        id = Guid.Empty;
        if (string.IsNullOrEmpty(globalId) || globalId.Length > 200)
        {
            return false;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(globalId));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !Guid.TryParseExact(text[(colon + 1)..], "N", out id))
            {
                return false;
            }

            typeName = text[..colon];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Decodes an ID argument that must name a <paramref name="typeName"/>; anything else is the caller's input error.</summary>
    public static Guid Decode(object? globalId, string typeName)
    {
        return TryDecode(globalId?.ToString(), out var actual, out var id) && actual == typeName
            ? id
            : throw DrmException.BadInput($"'{globalId}' is not the ID of a {typeName}.");
    }
}
