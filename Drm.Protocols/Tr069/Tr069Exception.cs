namespace Drm.Protocols.Tr069;

/// <summary>The ACS refused or failed a request; <see cref="StatusCode"/> is its HTTP status (0 when none came).</summary>
public class Tr069Exception(string message, int statusCode, Exception? innerException = null)
    : DrmProtocolException(message, innerException)
{
    public int StatusCode { get; } = statusCode;
}
