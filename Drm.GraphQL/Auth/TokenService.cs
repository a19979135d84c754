using System.Security.Claims;
using System.Text;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Drm.GraphQL.Auth;

/// <summary>Mints and verifies the service's HS256 tokens and turns their claims into a <see cref="TenantContext"/>.</summary>
public sealed class TokenService
{
    private readonly JwtOptions _options;
    private readonly TimeProvider _time;
    private readonly SymmetricSecurityKey _key;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters _validation;

    public TokenService(JwtOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Encoding.UTF8.GetByteCount(options.Secret) < JwtOptions.MinimumSecretBytes)
        {
            throw new ArgumentException($"JWT_SECRET must be at least {JwtOptions.MinimumSecretBytes} bytes long.", nameof(options));
        }

        _options = options;
        _time = time;
        _key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.Secret));
        _validation = new TokenValidationParameters
        {
            IssuerSigningKey = _key,
            ValidateIssuerSigningKey = true,
            // Only HS256: "none" and any algorithm the key was not meant for are refused.
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidIssuer = JwtOptions.Issuer,
            ValidAudience = JwtOptions.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            LifetimeValidator = ValidateLifetime,
        };
    }

    public TimeSpan ExpiresIn => _options.ExpiresIn;

    public string Mint(Guid tenantId, Guid userId, UserRole role, bool platformAdmin = false, TimeSpan? lifetime = null)
    {
        var now = _time.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            [DrmClaims.Subject] = userId.ToString(),
            [DrmClaims.TenantId] = tenantId.ToString(),
            [DrmClaims.Role] = UserRoles.ToText(role),
        };
        if (platformAdmin)
        {
            claims[DrmClaims.PlatformAdmin] = true;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = JwtOptions.Issuer,
            Audience = JwtOptions.Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + (lifetime ?? _options.ExpiresIn)).UtcDateTime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>Verifies a bearer token; the reason for a rejection is safe to show.</summary>
    public async Task<(TenantContext? Caller, string? Error)> ValidateAsync(string token)
    {
        if (string.IsNullOrWhiteSpace(token) || !_handler.CanReadToken(token))
        {
            return (null, "The token is malformed.");
        }

        var result = await _handler.ValidateTokenAsync(token, _validation).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return (null, result.Exception switch
            {
                SecurityTokenExpiredException => "The token has expired.",
                SecurityTokenNotYetValidException => "The token is not valid yet.",
                SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "The token signature is invalid.",
                SecurityTokenInvalidAlgorithmException => "The token algorithm is not accepted.",
                SecurityTokenNoExpirationException => "The token has no expiry.",
                _ => "The token is invalid.",
            });
        }

        var claims = result.ClaimsIdentity;
        if (!Guid.TryParse(claims.FindFirst(DrmClaims.Subject)?.Value, out var userId))
        {
            return (null, "The token has no user (sub) claim.");
        }

        if (!Guid.TryParse(claims.FindFirst(DrmClaims.TenantId)?.Value, out var tenantId))
        {
            return (null, "The token has no tenant_id claim.");
        }

        if (!UserRoles.TryParse(claims.FindFirst(DrmClaims.Role)?.Value, out var role))
        {
            return (null, "The token has no valid role claim.");
        }

        var platformAdmin = claims.FindFirst(DrmClaims.PlatformAdmin) is { } flag &&
            (flag.Value == "true" || flag.Value == "True" || flag.ValueType == ClaimValueTypes.Boolean && bool.TryParse(flag.Value, out var b) && b);
        return (new TenantContext(tenantId, userId, role, platformAdmin), null);
    }

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("No expiry.");
        }

        if (notBefore is { } nbf && nbf > now + parameters.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("Not yet valid.") { NotBefore = nbf };
        }

        if (expires.Value < now - parameters.ClockSkew)
        {
            throw new SecurityTokenExpiredException("Expired.") { Expires = expires.Value };
        }

        return true;
    }
}
