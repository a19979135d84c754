namespace Drm.Mib.Tr181;

/// <summary>
/// Paths of the model and of instances: <c>Device.WiFi.SSID.1.SSID</c> is an instance of the parameter
/// <c>Device.WiFi.SSID.{i}.SSID</c>. A multi-instance object's <c>{i}</c> belongs to the object's own segment, so the
/// tree reads Device → WiFi → SSID.{i} → SSID.
/// </summary>
public static class Tr181Path
{
    private const string Instance = "{i}";

    /// <summary>The model path an instance path stands for: every instance number becomes <c>{i}</c>.</summary>
    public static string ToTemplate(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 0 && segments[i].All(char.IsAsciiDigit))
            {
                segments[i] = Instance;
            }
        }

        return string.Join('.', segments);
    }

    /// <summary>
    /// What is wrong with the instance numbers of a path that is to be written: a <c>{i}</c> left in place, or a
    /// number that no instance can have (0, a leading zero, more than 4294967295). Null when they are fine.
    /// </summary>
    public static Tr181ValueError? CheckInstanceNumbers(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        foreach (var segment in path.Split('.'))
        {
            if (segment == Instance)
            {
                return new Tr181ValueError(Tr181ErrorCodes.InstanceNumber,
                    $"'{path}' has {{i}} where an instance number belongs: name the instance (Device.WiFi.SSID.1.SSID).");
            }

            if (segment.Length > 0 && segment.All(char.IsAsciiDigit)
                && (segment[0] == '0' || !uint.TryParse(segment, out _)))
            {
                return new Tr181ValueError(Tr181ErrorCodes.InstanceNumber,
                    $"'{segment}' in '{path}' is not an instance number: they run from 1 to 4294967295, without leading zeros.");
            }
        }

        return null;
    }

    /// <summary>The segments of a model path, each multi-instance object's <c>{i}</c> kept with its name.</summary>
    public static IReadOnlyList<string> Segments(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = new List<string>();
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == Instance && segments.Count > 0)
            {
                segments[^1] += "." + Instance;
            }
            else
            {
                segments.Add(part);
            }
        }

        return segments;
    }

    /// <summary>The object holding the item: <c>Device.WiFi.SSID.{i}.</c> for its SSID, "" for the root object.</summary>
    public static string Parent(string path)
    {
        var segments = Segments(path);
        return segments.Count <= 1 ? "" : string.Join('.', segments.Take(segments.Count - 1)) + ".";
    }

    /// <summary>The path with a trailing dot when it names an object (a tree root may be written without one).</summary>
    public static string AsObjectPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Length == 0 || path.EndsWith('.') ? path : path + ".";
    }
}
