namespace Drm.Engine.Tr181;

/// <summary>The model to import cannot be read (not XML, truncated, missing imports…); the job fails with <c>TR181ImportError</c>.</summary>
public sealed class Tr181ImportException(string message, Exception? innerException = null) : Exception(message, innerException);
