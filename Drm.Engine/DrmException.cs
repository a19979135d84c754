namespace Drm.Engine;

/// <summary>A failure the caller can act on; its code and message are safe to show to the client.</summary>
public class DrmException(DrmErrorCode code, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public DrmErrorCode Code { get; } = code;

    public static DrmException NotFound(string what) => new(DrmErrorCode.NotFound, $"{what} was not found.");

    public static DrmException Forbidden(string why) => new(DrmErrorCode.Forbidden, why);

    public static DrmException BadInput(string why) => new(DrmErrorCode.BadUserInput, why);
}
