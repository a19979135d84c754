using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Drm.Protocols;

/// <summary>JSON the HTTP-based protocol clients (WebPA, the ACS) read: lenient parsing, values as text, short error text.</summary>
internal static class ProtocolJson
{
    private const int MaxErrorText = 500;

    /// <summary>The document, or null for an empty or malformed body (an error page, say).</summary>
    public static JsonNode? Parse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A parameter value as text, whether the peer sent it as a string, number or boolean.</summary>
    public static string ValueText(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToJsonString(),
    };

    /// <summary>At most 500 characters of a peer's text, for an error message.</summary>
    public static string Clip(string text) => text.Length <= MaxErrorText ? text.Trim() : text[..MaxErrorText].Trim() + "…";
}
