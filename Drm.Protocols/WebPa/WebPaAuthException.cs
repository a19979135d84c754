namespace Drm.Protocols.WebPa;

/// <summary>Tr1d1um refused our credentials (401) or their capabilities (403).</summary>
public sealed class WebPaAuthException(string message, int statusCode)
    : WebPaException(message, statusCode);
