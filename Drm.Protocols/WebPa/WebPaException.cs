namespace Drm.Protocols.WebPa;

/// <summary>
/// Tr1d1um or the device refused or failed a request. <see cref="StatusCode"/> is the HTTP status or, where the device
/// answered with an error code in its payload, that code (WebPA uses 520 and above for device and component errors).
/// </summary>
public class WebPaException(string message, int statusCode, Exception? innerException = null)
    : DrmProtocolException(message, innerException)
{
    public int StatusCode { get; } = statusCode;
}
