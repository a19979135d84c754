using Drm.Engine.Devices;
using Drm.Engine.Paging;
using Drm.Engine.Users;

namespace Drm.Engine.Tests.Devices;

public sealed class DeviceServiceTests(EngineDatabaseFixture fixture)
{
    [Fact]
    public async Task CreateAsync_ValidDevice_IsListedWithItsTagsAndNormalisedAddress()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("acme");
        var sut = scope.Get<DeviceService>();

        var created = await sut.CreateAsync(admin, new CreateDeviceInput(" core-1 ", "2001:DB8::1", ["core", "core", "lab"], "rack 4"), default);

        created.Name.ShouldBe("core-1");
        created.Address.ShouldBe("2001:db8::1");
        created.Tags.ShouldBe(["core", "lab"]);
        (await sut.GetAsync(admin, created.Id, default)).ShouldBeEquivalentTo(created);
    }

    [Theory]
    [InlineData("", "192.0.2.1")]
    [InlineData("gw", "")]
    [InlineData("gw", "not a host!")]
    [InlineData("gw", "300.1.1.1.1")]
    public async Task CreateAsync_InvalidInput_IsBadUserInputAndStoresNothing(string name, string address)
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("acme");
        var sut = scope.Get<DeviceService>();

        var error = await Should.ThrowAsync<DrmException>(() => sut.CreateAsync(admin, new CreateDeviceInput(name, address), default));

        error.Code.ShouldBe(DrmErrorCode.BadUserInput);
        (await sut.ListAsync(admin, null, null, new PageRequest(), default)).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task CreateAsync_DuplicateName_IsBadUserInputAndKeepsTheFirst()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("acme");
        var sut = scope.Get<DeviceService>();
        var first = await sut.CreateAsync(admin, new CreateDeviceInput("gw", "192.0.2.1"), default);

        var error = await Should.ThrowAsync<DrmException>(() => sut.CreateAsync(admin, new CreateDeviceInput("gw", "192.0.2.2"), default));

        error.Code.ShouldBe(DrmErrorCode.BadUserInput);
        (await sut.GetAsync(admin, first.Id, default))!.Address.ShouldBe("192.0.2.1");
    }

    [Theory]
    [InlineData(UserRole.Viewer)]
    [InlineData(UserRole.Operator)]
    public async Task CreateAsync_NonAdmin_IsForbidden(UserRole role)
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("acme");

        var error = await Should.ThrowAsync<DrmException>(() =>
            scope.Get<DeviceService>().CreateAsync(admin with { Role = role }, new CreateDeviceInput("gw", "192.0.2.1"), default));

        error.Code.ShouldBe(DrmErrorCode.Forbidden);
    }

    [Fact]
    public async Task ListAsync_PagesBySearchAndTag_WithStableCursors()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("acme");
        var sut = scope.Get<DeviceService>();
        for (var i = 0; i < 7; i++)
        {
            await sut.CreateAsync(admin, new CreateDeviceInput($"edge-{i}", $"192.0.2.{i + 1}", i % 2 == 0 ? ["even"] : ["odd"]), default);
        }

        await sut.CreateAsync(admin, new CreateDeviceInput("core", "core.example.net", ["even"]), default);

        var first = await sut.ListAsync(admin, "edge", null, new PageRequest(3), default);
        first.TotalCount.ShouldBe(7);
        first.Items.Select(d => d.Name).ShouldBe(["edge-0", "edge-1", "edge-2"]);
        first.HasNextPage.ShouldBeTrue();
        first.HasPreviousPage.ShouldBeFalse();

        var second = await sut.ListAsync(admin, "edge", null, new PageRequest(3, first.Cursors[^1]), default);
        second.Items.Select(d => d.Name).ShouldBe(["edge-3", "edge-4", "edge-5"]);
        second.HasPreviousPage.ShouldBeTrue();

        var tagged = await sut.ListAsync(admin, null, "even", new PageRequest(), default);
        tagged.Items.Select(d => d.Name).ShouldBe(["core", "edge-0", "edge-2", "edge-4", "edge-6"]);
    }

    [Fact]
    public async Task ListAsync_ForgedCursor_IsBadUserInput()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("acme");

        var error = await Should.ThrowAsync<DrmException>(() =>
            scope.Get<DeviceService>().ListAsync(admin, null, null, new PageRequest(10, "not-a-cursor"), default));

        error.Code.ShouldBe(DrmErrorCode.BadUserInput);
    }

    [Fact]
    public async Task UpdateAsync_ChangesOnlyWhatIsGiven_AndEmptyDescriptionClears()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("acme");
        var sut = scope.Get<DeviceService>();
        var device = await sut.CreateAsync(admin, new CreateDeviceInput("gw", "192.0.2.1", ["a"], "old"), default);

        var renamed = await sut.UpdateAsync(admin, new UpdateDeviceInput(device.Id, Name: "gw-2"), default);
        renamed.Address.ShouldBe("192.0.2.1");
        renamed.Tags.ShouldBe(["a"]);
        renamed.Description.ShouldBe("old");

        var cleared = await sut.UpdateAsync(admin, new UpdateDeviceInput(device.Id, Description: "", Tags: []), default);
        cleared.Description.ShouldBeNull();
        cleared.Tags.ShouldBeEmpty();
        cleared.UpdatedAt.ShouldBeGreaterThanOrEqualTo(device.UpdatedAt);
    }

    [Fact]
    public async Task OtherTenant_CannotSeeUpdateOrDeleteTheDevice()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var alpha = await scope.CreateTenantAsync("alpha");
        var beta = await scope.CreateTenantAsync("beta");
        var sut = scope.Get<DeviceService>();
        var device = await sut.CreateAsync(alpha, new CreateDeviceInput("gw", "192.0.2.1"), default);

        (await sut.GetAsync(beta, device.Id, default)).ShouldBeNull();
        (await sut.ListAsync(beta, null, null, new PageRequest(), default)).TotalCount.ShouldBe(0);
        (await Should.ThrowAsync<DrmException>(() => sut.UpdateAsync(beta, new UpdateDeviceInput(device.Id, Name: "x"), default)))
            .Code.ShouldBe(DrmErrorCode.NotFound);
        (await Should.ThrowAsync<DrmException>(() => sut.DeleteAsync(beta, device.Id, default))).Code.ShouldBe(DrmErrorCode.NotFound);
        (await sut.GetAsync(alpha, device.Id, default))!.Name.ShouldBe("gw");
    }

    [Fact]
    public async Task DeleteAsync_RemovesTheDevice()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var admin = await scope.CreateTenantAsync("acme");
        var sut = scope.Get<DeviceService>();
        var device = await sut.CreateAsync(admin, new CreateDeviceInput("gw", "192.0.2.1"), default);

        (await sut.DeleteAsync(admin, device.Id, default)).ShouldBe(device.Id);

        (await sut.GetAsync(admin, device.Id, default)).ShouldBeNull();
    }
}
