namespace Drm.GraphQL.Auth;

/// <summary>HS256 signing settings from <c>JWT_SECRET</c> and <c>JWT_EXPIRES_IN</c>.</summary>
public sealed record JwtOptions(string Secret, TimeSpan ExpiresIn)
{
    public const string Issuer = "drm-engine";
    public const string Audience = "drm-engine";

    // RFC 7518 §3.2: an HS256 key must be at least as long as the hash output.
    public const int MinimumSecretBytes = 32;
}
