namespace Drm.Protocols.Tr069;

/// <summary>The ACS did not answer in time, or the CPE did not open a session in time (its task is withdrawn).</summary>
public sealed class Tr069TimeoutException(string message, int statusCode, Exception? innerException = null)
    : Tr069Exception(message, statusCode, innerException)
{
    public override bool IsTransient => true;
}
