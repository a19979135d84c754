namespace Drm.Protocols.Usp;

/// <summary>No answer from the agent in time, or the broker could not be reached.</summary>
public sealed class UspTimeoutException(string message, Exception? innerException = null)
    : UspException(message, 0, innerException)
{
    public override bool IsTransient => true;
}
