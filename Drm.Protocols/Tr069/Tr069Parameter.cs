namespace Drm.Protocols.Tr069;

/// <summary>A parameter as the ACS holds it: full path, value as text and its XML Schema type without the <c>xsd:</c> prefix.</summary>
public sealed record Tr069Parameter(string Name, string Value, string Type);
