namespace Drm.Engine.Usp;

/// <summary>A parameter to set over USP: instance path and value as text.</summary>
public sealed record UspSetItem(string Name, string Value);
