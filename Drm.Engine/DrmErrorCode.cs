namespace Drm.Engine;

/// <summary>The stable error codes clients see as <c>extensions.code</c>.</summary>
public enum DrmErrorCode
{
    BadUserInput,
    NotFound,
    Forbidden,
    Unauthenticated,
    Internal,
}
