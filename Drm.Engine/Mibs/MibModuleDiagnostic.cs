namespace Drm.Engine.Mibs;

/// <summary>A parser or resolver message about a stored module; <see cref="Severity"/> is <c>WARNING</c> or <c>ERROR</c>.</summary>
public sealed record MibModuleDiagnostic(string Severity, int Line, int Column, string Message);
