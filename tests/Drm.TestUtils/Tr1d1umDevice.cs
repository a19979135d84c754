using System.Collections.Concurrent;
using Drm.Protocols.WebPa;

namespace Drm.TestUtils;

/// <summary>A WebPA agent behind <see cref="Tr1d1umServer"/>: its TR-181 parameters and how it behaves.</summary>
public sealed class Tr1d1umDevice(string deviceId)
{
    public string DeviceId { get; } = deviceId;

    /// <summary>Parameters by full path, with their WDMP type and whether a SET may change them.</summary>
    public ConcurrentDictionary<string, (string Value, WebPaDataType Type, bool Writable)> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>False: XMiDT does not know the device, and Tr1d1um forwards its 404.</summary>
    public bool Connected { get; set; } = true;

    /// <summary>How long the device takes to answer; beyond the server's XMiDT timeout the answer is a 504.</summary>
    public TimeSpan Latency { get; set; }

    public Tr1d1umDevice With(string name, string value, WebPaDataType type, bool writable = false)
    {
        Parameters[name] = (value, type, writable);
        return this;
    }
}
