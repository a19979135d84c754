namespace Drm.Engine.Credentials;

/// <summary>How we authenticate to an HTTP-style endpoint; <see cref="HasSecret"/> says whether a password, token or key is stored.</summary>
public sealed record EndpointAuth(string Type, string? Username, string? HeaderName, bool HasSecret);
