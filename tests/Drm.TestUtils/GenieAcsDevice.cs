using System.Collections.Concurrent;

namespace Drm.TestUtils;

/// <summary>A CPE as <see cref="GenieAcsServer"/> knows it: its parameters and how it answers the ACS.</summary>
public sealed class GenieAcsDevice(string id)
{
    /// <summary>The ACS device id, OUI-ProductClass-Serial with '-' inside a part escaped as %2D, as GenieACS builds it.</summary>
    public string Id { get; } = id;

    /// <summary>Parameters by path, with their xsd type (without the prefix) and whether SetParameterValues may change them.</summary>
    public ConcurrentDictionary<string, (string Value, string Type, bool Writable)> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>False: connection requests go unanswered.</summary>
    public bool Online { get; set; } = true;

    /// <summary>When set, the CPE informs this long after a task is queued and runs it then (no connection request needed).</summary>
    public TimeSpan? InformAfter { get; set; }

    public GenieAcsDevice With(string name, string value, string type, bool writable = false)
    {
        Parameters[name] = (value, type, writable);
        return this;
    }
}
