namespace Drm.Protocols.WebPa;

/// <summary>No answer in time, after every retry: Tr1d1um unreachable or slow (503), or the device did not answer XMiDT (504).</summary>
public sealed class WebPaTimeoutException(string message, int statusCode, Exception? innerException = null)
    : WebPaException(message, statusCode, innerException)
{
    public override bool IsTransient => true;
}
