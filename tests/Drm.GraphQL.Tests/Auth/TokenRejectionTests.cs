using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using Drm.GraphQL.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Drm.GraphQL.Tests.Auth;

public sealed class TokenRejectionTests(ServerFixture server)
{
    public static TheoryData<string> BadTokens => new()
    {
        "alg-none", "wrong-key", "expired", "not-yet-valid", "no-sub", "no-tenant", "no-expiry", "malformed", "wrong-audience", "hs512",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task BearerHeader_WithABadToken_Is401Unauthenticated(string kind)
    {
        var response = await server.PostAsync("{ me { email } }", token: Make(kind));

        response.Status.ShouldBe(401, response.Raw);
        response.Code.ShouldBe("UNAUTHENTICATED");
        response.Body.ContainsKey("data").ShouldBeFalse();
    }

    [Fact]
    public async Task AuthorizationHeader_NotBearer_Is401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.GraphQLUrl)
        {
            Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic YWRtaW46YWRtaW4=");

        using var response = await server.Http.SendAsync(request);

        ((int)response.StatusCode).ShouldBe(401);
        response.Headers.WwwAuthenticate.ToString().ShouldContain("Bearer");
    }

    [Fact]
    public async Task NoToken_PublicFieldsWork_TenantDataIsUnauthenticated()
    {
        (await server.PostAsync("{ __typename }")).Data("__typename").GetValue<string>().ShouldBe("Query");

        var response = await server.PostAsync("{ devices { totalCount } }");

        response.Status.ShouldBe(200);
        response.Code.ShouldBe("UNAUTHENTICATED");
    }

    [Fact]
    public async Task Login_WithAWrongPassword_IsUnauthenticated_AndAGoodLoginGivesAWorkingToken()
    {
        var bad = await server.PostAsync(
            "mutation { login(input: {tenantSlug: \"alpha\", email: \"admin@alpha.test\", password: \"nope-nope\"}) { token } }");
        bad.Code.ShouldBe("UNAUTHENTICATED");

        var token = await server.LoginAsync("ALPHA", "Admin@Alpha.test");
        var me = await server.PostAsync("{ me { email role tenantId } }", token: token);
        me.Data("me")["email"]!.GetValue<string>().ShouldBe("admin@alpha.test");
        me.Data("me")["role"]!.GetValue<string>().ShouldBe("ADMIN");
        me.Data("me")["tenantId"]!.GetValue<string>().ShouldBe(server.Alpha.Id);
    }

    private static string Make(string kind)
    {
        var now = TimeProvider.System.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["sub"] = Guid.NewGuid().ToString(),
            ["tenant_id"] = Guid.NewGuid().ToString(),
            ["role"] = "admin",
        };
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ServerFixture.JwtSecret));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = JwtOptions.Issuer,
            Audience = JwtOptions.Audience,
            Claims = claims,
            NotBefore = now.AddMinutes(-1).UtcDateTime,
            Expires = now.AddHours(1).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        switch (kind)
        {
            case "alg-none":
                var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));
                var payload = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>(claims)
                {
                    ["iss"] = JwtOptions.Issuer, ["aud"] = JwtOptions.Audience, ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
                }));
                return $"{header}.{payload}.";
            case "wrong-key":
                descriptor.SigningCredentials = new SigningCredentials(
                    new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-secret-that-is-long-enough-for-it")), SecurityAlgorithms.HmacSha256);
                break;
            case "expired":
                descriptor.NotBefore = now.AddHours(-2).UtcDateTime;
                descriptor.Expires = now.AddHours(-1).UtcDateTime;
                break;
            case "not-yet-valid":
                descriptor.NotBefore = now.AddHours(1).UtcDateTime;
                descriptor.Expires = now.AddHours(2).UtcDateTime;
                break;
            case "no-sub":
                claims.Remove("sub");
                break;
            case "no-tenant":
                claims.Remove("tenant_id");
                break;
            case "no-expiry":
                descriptor.Expires = null;
                return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
            case "malformed":
                return "this-is.not-a.jwt";
            case "wrong-audience":
                descriptor.Audience = "someone-else";
                break;
            case "hs512":
                descriptor.SigningCredentials = new SigningCredentials(
                    new SymmetricSecurityKey(Encoding.UTF8.GetBytes(ServerFixture.JwtSecret + ServerFixture.JwtSecret)), SecurityAlgorithms.HmacSha512);
                break;
        }

        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
