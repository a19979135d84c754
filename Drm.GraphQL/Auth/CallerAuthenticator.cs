using Drm.Engine.Tenancy;

namespace Drm.GraphQL.Auth;

/// <summary>Finds and checks the caller's token wherever a transport carries it.</summary>
public sealed class CallerAuthenticator(TokenService tokens)
{
    /// <summary>The result of reading credentials: anonymous (no token), a caller, or a rejection.</summary>
    public sealed record Outcome(TenantContext? Caller, string? Error)
    {
        public bool Rejected => Error is not null;
    }

    public static readonly Outcome Anonymous = new(null, null);

    /// <summary>Reads an <c>Authorization</c> header value: <c>Bearer &lt;jwt&gt;</c>.</summary>
    public async Task<Outcome> FromAuthorizationHeaderAsync(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return Anonymous;
        }

        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return new Outcome(null, "The Authorization header must be 'Bearer <token>'.");
        }

        var (caller, error) = await tokens.ValidateAsync(header[prefix.Length..].Trim()).ConfigureAwait(false);
        return new Outcome(caller, error);
    }

    /// <summary>
    /// Reads a token from a graphql-transport-ws <c>connection_init</c> payload. IDEs add their own keys
    /// (Banana Cake Pop sends <c>user-agent</c>), so the token is looked for among the usual names and under <c>headers</c>.
    /// </summary>
    public Task<Outcome> FromConnectionParamsAsync(IReadOnlyDictionary<string, object?>? payload)
    {
        var value = Find(payload);
        if (value is null)
        {
            return Task.FromResult(Anonymous);
        }

        return FromAuthorizationHeaderAsync(value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? value : "Bearer " + value);
    }

    private static string? Find(IReadOnlyDictionary<string, object?>? payload)
    {
        if (payload is null)
        {
            return null;
        }

        foreach (var (key, value) in payload)
        {
            if (value is string text && key.ToLowerInvariant() is "authorization" or "token" or "authtoken" or "access_token" or "accesstoken")
            {
                return text;
            }
        }

        foreach (var (key, value) in payload)
        {
            if (key.Equals("headers", StringComparison.OrdinalIgnoreCase) && value is IReadOnlyDictionary<string, object?> headers)
            {
                return Find(headers);
            }

            if (key.Equals("headers", StringComparison.OrdinalIgnoreCase) && value is IDictionary<string, object?> mutableHeaders)
            {
                return Find(mutableHeaders.AsReadOnly());
            }
        }

        return null;
    }
}
