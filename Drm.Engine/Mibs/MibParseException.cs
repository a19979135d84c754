namespace Drm.Engine.Mibs;

/// <summary>An uploaded MIB file could not be used at all (no module in it, or the archive is refused); the job fails with <c>MIBParseError</c>.</summary>
public sealed class MibParseException(string message, Exception? innerException = null) : Exception(message, innerException);
