namespace Drm.Engine.Credentials;

/// <summary>
/// The original <c>auth</c> object: <c>{type: none|basic|bearer|api_key, username, password, token, api_key, header_name}</c>.
/// A secret left null keeps the stored one while the type stays the same.
/// </summary>
public sealed record EndpointAuthInput(
    string Type,
    string? Username = null,
    string? Password = null,
    string? Token = null,
    string? ApiKey = null,
    string? HeaderName = null);
