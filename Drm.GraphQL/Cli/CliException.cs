namespace Drm.GraphQL.Cli;

/// <summary>A command was used wrongly; the message says how.</summary>
public sealed class CliException(string message) : Exception(message);
