namespace Drm.Protocols.WebPa;

/// <summary>What the agent said of one parameter of a SET (<c>Success</c>, or why it refused).</summary>
public sealed record WebPaSetOutcome(string Name, string Message);
