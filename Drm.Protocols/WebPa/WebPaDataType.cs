namespace Drm.Protocols.WebPa;

/// <summary>The WDMP <c>dataType</c> numbers WebPA agents use for TR-181 values.</summary>
public enum WebPaDataType
{
    String = 0,
    Int = 1,
    UnsignedInt = 2,
    Boolean = 3,
    DateTime = 4,
    Base64 = 5,
    Long = 6,
    UnsignedLong = 7,
    Float = 8,
    Double = 9,
    Byte = 10,

    /// <summary>No value of its own: an object path whose parameters the agent listed.</summary>
    None = 11,
}
