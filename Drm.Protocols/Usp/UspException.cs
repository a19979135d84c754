namespace Drm.Protocols.Usp;

/// <summary>The agent answered with a USP error (codes 7000–7999), or the broker refused us.</summary>
public class UspException(string message, uint errorCode, Exception? innerException = null)
    : DrmProtocolException(message, innerException)
{
    /// <summary>The USP error code, or 0 when the failure came from the broker rather than the agent.</summary>
    public uint ErrorCode { get; } = errorCode;
}
