namespace Drm.Mib.Tr181;

/// <summary>Why a proposed value (or path) is refused: a stable code from <see cref="Tr181ErrorCodes"/> and a sentence.</summary>
public sealed record Tr181ValueError(string Code, string Message);
