namespace Drm.GraphQL.Configuration;

/// <summary>A configuration value is missing or unreadable; the message names the variable.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
