namespace Drm.Engine.Mibs;

/// <summary>One IMPORTS clause of a module: the names taken from <see cref="Module"/>, and whether all of them were found.</summary>
public sealed record MibModuleImport(string Module, IReadOnlyList<string> Names, bool Resolved);
