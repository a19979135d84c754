namespace Drm.Engine.Mibs;

/// <summary>One object of a row's INDEX; an IMPLIED last index has no length prefix in the instance.</summary>
public sealed record MibIndexPart(string Name, bool Implied);
