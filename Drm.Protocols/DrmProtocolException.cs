namespace Drm.Protocols;

/// <summary>The base of every failure a protocol client reports.</summary>
public abstract class DrmProtocolException : Exception
{
    protected DrmProtocolException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>True when the same request may succeed if tried again (a timeout, a lost packet).</summary>
    public virtual bool IsTransient => false;
}
