using Drm.Engine.Paging;
using Drm.Engine.Tenants;
using Drm.Engine.Users;

namespace Drm.Engine.Tests.Users;

public sealed class UserServiceTests(EngineDatabaseFixture fixture)
{
    [Fact]
    public async Task AuthenticateAsync_RightPassword_ReturnsTheUser_WrongOnesReturnNull()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("acme", "s3cret-pass");
        var sut = scope.Get<UserService>();

        (await sut.AuthenticateAsync("ACME", "Admin@Acme.test", "s3cret-pass", default))!.Id.ShouldBe(admin.UserId);
        (await sut.AuthenticateAsync("acme", "admin@acme.test", "wrong-pass", default)).ShouldBeNull();
        (await sut.AuthenticateAsync("acme", "nobody@acme.test", "s3cret-pass", default)).ShouldBeNull();
        (await sut.AuthenticateAsync("nope", "admin@acme.test", "s3cret-pass", default)).ShouldBeNull();
    }

    [Fact]
    public async Task AuthenticateAsync_SameEmailInTwoTenants_LogsIntoTheNamedTenantOnly()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var alpha = await scope.CreateTenantAsync("alpha");
        var beta = await scope.CreateTenantAsync("beta");
        var sut = scope.Get<UserService>();
        await sut.CreateAsync(alpha, new CreateUserInput("ops@shared.test", "alpha-pass", UserRole.Operator), default);
        await sut.CreateAsync(beta, new CreateUserInput("ops@shared.test", "beta-pass1", UserRole.Viewer), default);

        (await sut.AuthenticateAsync("alpha", "ops@shared.test", "alpha-pass", default))!.TenantId.ShouldBe(alpha.TenantId);
        (await sut.AuthenticateAsync("alpha", "ops@shared.test", "beta-pass1", default)).ShouldBeNull();
        (await sut.AuthenticateAsync("beta", "ops@shared.test", "beta-pass1", default))!.Role.ShouldBe(UserRole.Viewer);
    }

    [Fact]
    public async Task CreateAsync_DuplicateEmailIgnoringCase_IsBadUserInput()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("acme");

        var error = await Should.ThrowAsync<DrmException>(() =>
            scope.Get<UserService>().CreateAsync(admin, new CreateUserInput("ADMIN@acme.test", "another-pass", UserRole.Viewer), default));

        error.Code.ShouldBe(DrmErrorCode.BadUserInput);
    }

    [Theory]
    [InlineData("no-at-sign", "long-enough")]
    [InlineData("a@b.c", "short")]
    public async Task CreateAsync_InvalidEmailOrPassword_IsBadUserInput(string email, string password)
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("acme");

        var error = await Should.ThrowAsync<DrmException>(() =>
            scope.Get<UserService>().CreateAsync(admin, new CreateUserInput(email, password, UserRole.Viewer), default));

        error.Code.ShouldBe(DrmErrorCode.BadUserInput);
    }

    [Fact]
    public async Task UpdateAsync_NonAdmin_ChangesOwnPasswordButNotOwnRoleOrOthers()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("acme");
        var sut = scope.Get<UserService>();
        var viewer = await sut.CreateAsync(admin, new CreateUserInput("v@acme.test", "viewer-pass", UserRole.Viewer), default);
        var self = admin with { UserId = viewer.Id, Role = UserRole.Viewer };

        await sut.UpdateAsync(self, new UpdateUserInput(viewer.Id, Password: "new-viewer-pass"), default);
        (await sut.AuthenticateAsync("acme", "v@acme.test", "new-viewer-pass", default)).ShouldNotBeNull();

        (await Should.ThrowAsync<DrmException>(() => sut.UpdateAsync(self, new UpdateUserInput(viewer.Id, Role: UserRole.Admin), default)))
            .Code.ShouldBe(DrmErrorCode.Forbidden);
        (await Should.ThrowAsync<DrmException>(() => sut.UpdateAsync(self, new UpdateUserInput(admin.UserId, DisplayName: "x"), default)))
            .Code.ShouldBe(DrmErrorCode.Forbidden);
    }

    [Fact]
    public async Task DeleteAsync_Self_IsRefused_OtherUser_IsDeleted()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("acme");
        var sut = scope.Get<UserService>();
        var other = await sut.CreateAsync(admin, new CreateUserInput("o@acme.test", "other-pass", UserRole.Operator), default);

        (await Should.ThrowAsync<DrmException>(() => sut.DeleteAsync(admin, admin.UserId, default))).Code.ShouldBe(DrmErrorCode.BadUserInput);
        await sut.DeleteAsync(admin, other.Id, default);

        (await sut.ListAsync(admin, null, new PageRequest(), default)).Items.Select(u => u.Email).ShouldBe(["admin@acme.test"]);
    }

    [Fact]
    public async Task CreateTenant_ByNonPlatformAdmin_IsForbidden_AndBadSlugIsBadUserInput()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("acme");
        var tenants = scope.Get<TenantService>();

        (await Should.ThrowAsync<DrmException>(() => tenants.CreateAsync(admin, new CreateTenantInput("other", "Other"), default)))
            .Code.ShouldBe(DrmErrorCode.Forbidden);
        (await Should.ThrowAsync<DrmException>(() => tenants.CreateAsync(EngineScope.PlatformAdmin, new CreateTenantInput("Bad Slug!", "x"), default)))
            .Code.ShouldBe(DrmErrorCode.BadUserInput);
        (await Should.ThrowAsync<DrmException>(() => tenants.CreateAsync(EngineScope.PlatformAdmin, new CreateTenantInput("acme", "Again"), default)))
            .Code.ShouldBe(DrmErrorCode.BadUserInput);
    }

    [Fact]
    public async Task ListTenants_PlatformAdminSeesAll_TenantAdminSeesOwnOnly()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var alpha = await scope.CreateTenantAsync("alpha");
        await scope.CreateTenantAsync("beta");
        var tenants = scope.Get<TenantService>();

        (await tenants.ListAsync(EngineScope.PlatformAdmin, new PageRequest(), default)).Items.Select(t => t.Slug).ShouldBe(["alpha", "beta"]);
        (await tenants.ListAsync(alpha, new PageRequest(), default)).Items.Select(t => t.Slug).ShouldBe(["alpha"]);
    }
}
