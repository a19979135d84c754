namespace Drm.Engine.Tr069;

/// <summary>A parameter to set over TR-069; without a type, the TR-181 catalog's type of the parameter is sent (<c>xsd:</c> prefix left out).</summary>
public sealed record Tr069SetItem(string Name, string Value, string? Type = null);
