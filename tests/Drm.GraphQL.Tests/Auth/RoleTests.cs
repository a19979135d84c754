namespace Drm.GraphQL.Tests.Auth;

public sealed class RoleTests(ServerFixture server)
{
    [Theory]
    [InlineData("viewer")]
    [InlineData("operator")]
    public async Task NonAdmins_CannotManageDevicesUsersOrCredentials(string role)
    {
        var token = role == "viewer" ? server.Alpha.ViewerToken : server.Alpha.OperatorToken;

        (await server.PostAsync("mutation { createDevice(input: {name: \"x-" + role + "\", address: \"192.0.2.1\"}) { id } }", token: token))
            .Code.ShouldBe("FORBIDDEN");
        (await server.PostAsync("mutation { createUser(input: {email: \"x@y.z\", password: \"long-enough\", role: ADMIN}) { id } }", token: token))
            .Code.ShouldBe("FORBIDDEN");
        (await server.PostAsync("{ devices { totalCount } }", token: token)).Errors.ShouldBeNull();
    }

    [Fact]
    public async Task OnlyPlatformAdmins_CreateTenants()
    {
        var response = await server.PostAsync("mutation { createTenant(input: {slug: \"rogue\", name: \"Rogue\"}) { id } }", token: server.Alpha.AdminToken);

        response.Code.ShouldBe("FORBIDDEN");
        var all = await server.PostAsync("{ tenants { totalCount edges { node { slug } } } }", token: server.PlatformAdminToken);
        all.Data("tenants")["edges"]!.AsArray().Select(e => e!["node"]!["slug"]!.GetValue<string>()).ShouldNotContain("rogue");
    }

    [Fact]
    public async Task Viewer_CannotPromoteThemselves()
    {
        var me = await server.PostAsync("{ me { id } }", token: server.Beta.ViewerToken);
        var id = me.Data("me")["id"]!.GetValue<string>();

        var response = await server.PostAsync(
            "mutation($id: ID!) { updateUser(input: {id: $id, role: ADMIN}) { role } }", new { id }, server.Beta.ViewerToken);

        response.Code.ShouldBe("FORBIDDEN");
        (await server.PostAsync("{ me { role } }", token: server.Beta.ViewerToken)).Data("me")["role"]!.GetValue<string>().ShouldBe("VIEWER");
    }
}
