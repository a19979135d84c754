using System.Globalization;

namespace Drm.GraphQL.Credentials;

/// <summary>Reads optional members of a parsed input object.</summary>
internal static class InputValues
{
    public static string? Text(this IDictionary<string, object?> value, string key) =>
        value.TryGetValue(key, out var v) ? (string?)v : null;

    public static int? Int(this IDictionary<string, object?> value, string key) =>
        value.TryGetValue(key, out var v) && v is not null ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : null;

    public static double? Double(this IDictionary<string, object?> value, string key) =>
        value.TryGetValue(key, out var v) && v is not null ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : null;

    public static bool? Bool(this IDictionary<string, object?> value, string key) =>
        value.TryGetValue(key, out var v) && v is not null ? (bool)v : null;
}
