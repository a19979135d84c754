using System.Security.Cryptography;
using System.Text;
using Drm.Engine.Credentials;
using Drm.Engine.Devices;
using Drm.Engine.Security;
using Drm.Engine.Tenancy;
using Drm.Engine.Users;
using Npgsql;

namespace Drm.Engine.Tests.Credentials;

public sealed class CredentialServiceTests(EngineDatabaseFixture fixture)
{
    [Fact]
    public async Task EndpointsWithoutABaseUrl_TakeTheConfiguredDefault_AndAreRefusedWhenThereIsNone()
    {
        await using var configured = await fixture.CreateScopeAsync(
            new Drm.Protocols.WebPa.WebPaClientOptions { BaseUrl = new Uri("http://tr1d1um.fleet:6100/api/v3") },
            new Drm.Protocols.Tr069.Tr069ClientOptions { AcsUrl = new Uri("http://genieacs.fleet:7557") },
            new Drm.Protocols.Usp.UspClientOptions { MqttBrokerUrl = new Uri("mqtt://broker.fleet:1883") });
        var (admin, device) = await DeviceAsync(configured);
        var credentials = configured.Get<CredentialService>();

        (await credentials.SetWebPaAsync(admin, new SetWebPaEndpointInput(device.Id, null, "mac:112233445566"), default))
            .BaseUrl.ShouldBe("http://tr1d1um.fleet:6100/api/v3");
        (await credentials.SetTr069Async(admin, new SetTr069EndpointInput(device.Id, null, "202BC1-BM632w-1"), default))
            .BaseUrl.ShouldBe("http://genieacs.fleet:7557/");
        (await credentials.SetUspAsync(admin, new SetUspEndpointInput(device.Id, "os::1", "mqtt", null, "usp/agent/1"), default))
            .BaseUrl.ShouldBe("mqtt://broker.fleet:1883/");

        await using var bare = await fixture.CreateScopeAsync();
        var (other, otherDevice) = await DeviceAsync(bare);
        (await Should.ThrowAsync<DrmException>(() => bare.Get<CredentialService>().SetWebPaAsync(other, new SetWebPaEndpointInput(otherDevice.Id, " ", "mac:112233445566"), default)))
            .Message.ShouldBe("baseUrl is required: WEBPA_BASE_URL names no default Tr1d1um.");
        (await Should.ThrowAsync<DrmException>(() => bare.Get<CredentialService>().SetTr069Async(other, new SetTr069EndpointInput(otherDevice.Id, null, "202BC1-BM632w-1"), default)))
            .Message.ShouldBe("baseUrl is required: TR069_ACS_URL names no default ACS.");
        (await Should.ThrowAsync<DrmException>(() => bare.Get<CredentialService>().SetUspAsync(other, new SetUspEndpointInput(otherDevice.Id, "os::1", "mqtt", null, "t"), default)))
            .Message.ShouldBe("baseUrl is required: USP_MQTT_BROKER_URL names no default broker.");
        (await Should.ThrowAsync<DrmException>(() => bare.Get<CredentialService>().SetUspAsync(other, new SetUspEndpointInput(otherDevice.Id, "os::1", "websocket", null), default)))
            .Code.ShouldBe(DrmErrorCode.BadUserInput);
    }

    [Fact]
    public async Task SetSnmpAsync_V3_StoresSecretsEncryptedAndBoundToTheirRow()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var (admin, device) = await DeviceAsync(scope);

        var shown = await scope.Get<CredentialService>().SetSnmpAsync(admin, new SetSnmpCredentialInput(
            device.Id, "3", Username: "ops", AuthProtocol: "sha-256", AuthPassword: "auth-secret-1", PrivProtocol: "aes256c",
            PrivPassword: "priv-secret-1"), default);

        shown.ShouldBe(shown with
        {
            Version = "3", Username = "ops", AuthProtocol = "SHA256", PrivProtocol = "AES256C", HasAuthPassword = true,
            HasPrivPassword = true, HasCommunity = false, Port = 161, TimeoutMs = 5000, Retries = 2,
        });

        await using var connection = await scope.OpenSuperuserConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT auth_password_enc, priv_password_enc FROM snmp_credentials", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var auth = reader.GetFieldValue<byte[]>(0);
        var priv = reader.GetFieldValue<byte[]>(1);
        Encoding.UTF8.GetString(auth).ShouldNotContain("auth-secret-1");
        var protector = SecretProtector.FromKeyText(EngineDatabaseFixture.CredentialsKey);
        protector.Unprotect(auth, SecretProtector.Purpose("snmp_credentials", device.Id, "auth_password")).ShouldBe("auth-secret-1");
        // A ciphertext moved to another field does not decrypt.
        Should.Throw<CryptographicException>(() =>
            protector.Unprotect(priv, SecretProtector.Purpose("snmp_credentials", device.Id, "auth_password")));
    }

    [Fact]
    public async Task SetSnmpAsync_OmittedSecret_KeepsTheStoredOne_EmptyStringClearsIt()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var (admin, device) = await DeviceAsync(scope);
        var sut = scope.Get<CredentialService>();
        await sut.SetSnmpAsync(admin, new SetSnmpCredentialInput(device.Id, "2c", Community: "public-1"), default);

        var kept = await sut.SetSnmpAsync(admin, new SetSnmpCredentialInput(device.Id, "2c", Port: 1161, TimeoutSeconds: 1.5), default);
        kept.HasCommunity.ShouldBeTrue();
        kept.Port.ShouldBe(1161);
        kept.TimeoutMs.ShouldBe(1500);

        var error = await Should.ThrowAsync<DrmException>(() =>
            sut.SetSnmpAsync(admin, new SetSnmpCredentialInput(device.Id, "2c", Community: ""), default));
        error.Code.ShouldBe(DrmErrorCode.BadUserInput);
        (await sut.GetSnmpAsync(admin, device.Id, default))!.HasCommunity.ShouldBeTrue();
    }

    [Theory]
    [InlineData("4", null, null, null, null, null)]
    [InlineData("3", null, null, null, null, null)]
    [InlineData("3", "ops", "SHA", null, null, null)]
    [InlineData("3", "ops", "SHA", "short", null, null)]
    [InlineData("3", "ops", null, null, "AES", "priv-pass-1")]
    [InlineData("3", "ops", "MD4", "auth-pass-1", null, null)]
    [InlineData("2c", null, null, null, null, null)]
    public async Task SetSnmpAsync_InvalidCombination_IsBadUserInputAndStoresNothing(
        string version, string? user, string? auth, string? authPassword, string? priv, string? privPassword)
    {
        await using var scope = await fixture.CreateScopeAsync();
        var (admin, device) = await DeviceAsync(scope);
        var sut = scope.Get<CredentialService>();

        var error = await Should.ThrowAsync<DrmException>(() => sut.SetSnmpAsync(admin, new SetSnmpCredentialInput(
            device.Id, version, Username: user, AuthProtocol: auth, AuthPassword: authPassword, PrivProtocol: priv, PrivPassword: privPassword),
            default));

        error.Code.ShouldBe(DrmErrorCode.BadUserInput);
        (await sut.GetSnmpAsync(admin, device.Id, default)).ShouldBeNull();
    }

    [Fact]
    public async Task SetEndpoints_ShowWhetherASecretIsSetButNeverTheSecret()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var (admin, device) = await DeviceAsync(scope);
        var sut = scope.Get<CredentialService>();

        var webpa = await sut.SetWebPaAsync(admin, new SetWebPaEndpointInput(
            device.Id, "https://webpa.example.net/api/v3", "mac:112233445566", new EndpointAuthInput("basic", "svc", "webpa-pw")), default);
        webpa.Auth.ShouldBe(new EndpointAuth("basic", "svc", null, true));
        webpa.Service.ShouldBe("config");

        var usp = await sut.SetUspAsync(admin, new SetUspEndpointInput(
            device.Id, "os::012345-AABBCC", "websocket", "wss://agent.example.net/usp", Auth: new EndpointAuthInput("api_key", ApiKey: "k-1")), default);
        usp.Auth.ShouldBe(new EndpointAuth("api_key", null, "X-API-Key", true));

        // Same type, no new secret: the stored one stays. Another type: it needs its own secret.
        (await sut.SetWebPaAsync(admin, new SetWebPaEndpointInput(
            device.Id, "https://webpa.example.net/api/v3", "mac:112233445566", new EndpointAuthInput("basic", "svc2")), default))
            .Auth.HasSecret.ShouldBeTrue();
        (await Should.ThrowAsync<DrmException>(() => sut.SetWebPaAsync(admin, new SetWebPaEndpointInput(
            device.Id, "https://webpa.example.net/api/v3", "mac:112233445566", new EndpointAuthInput("bearer")), default)))
            .Code.ShouldBe(DrmErrorCode.BadUserInput);

        var tr069 = await sut.SetTr069Async(admin, new SetTr069EndpointInput(device.Id, "http://acs:7557", "202BC1-BM632w-1"), default);
        tr069.Auth.ShouldBe(new EndpointAuth("none", null, null, false));
        tr069.ConnectionRequest.ShouldBeTrue();
    }

    [Theory]
    [InlineData("ftp://acs", "http")]
    [InlineData("not a url", "http")]
    [InlineData("http://broker:1883", "mqtt")]
    [InlineData("mqtt://broker:1883", "carrier-pigeon")]
    public async Task SetUspAsync_UrlThatDoesNotFitTheTransport_IsBadUserInput(string url, string transport)
    {
        await using var scope = await fixture.CreateScopeAsync();
        var (admin, device) = await DeviceAsync(scope);

        var error = await Should.ThrowAsync<DrmException>(() => scope.Get<CredentialService>().SetUspAsync(
            admin, new SetUspEndpointInput(device.Id, "os::1", transport, url, "topic"), default));

        error.Code.ShouldBe(DrmErrorCode.BadUserInput);
    }

    [Fact]
    public async Task Credentials_OfAnotherTenantsDevice_AreNotFoundAndNotChanged()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var (alpha, device) = await DeviceAsync(scope);
        var beta = await scope.CreateTenantAsync("beta");
        var sut = scope.Get<CredentialService>();
        await sut.SetSnmpAsync(alpha, new SetSnmpCredentialInput(device.Id, "2c", Community: "alpha-community"), default);

        (await sut.GetSnmpAsync(beta, device.Id, default)).ShouldBeNull();
        (await Should.ThrowAsync<DrmException>(() =>
            sut.SetSnmpAsync(beta, new SetSnmpCredentialInput(device.Id, "2c", Community: "hijack"), default))).Code.ShouldBe(DrmErrorCode.NotFound);
        (await sut.GetSnmpAsync(alpha, device.Id, default))!.Version.ShouldBe("2c");
    }

    [Fact]
    public async Task SetSnmpAsync_Operator_IsForbidden()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var (admin, device) = await DeviceAsync(scope);

        var error = await Should.ThrowAsync<DrmException>(() => scope.Get<CredentialService>().SetSnmpAsync(
            admin with { Role = UserRole.Operator }, new SetSnmpCredentialInput(device.Id, "2c", Community: "x"), default));

        error.Code.ShouldBe(DrmErrorCode.Forbidden);
    }

    private static async Task<(TenantContext Admin, Device Device)> DeviceAsync(EngineScope scope)
    {
        var admin = await scope.CreateTenantAsync("alpha");
        var device = await scope.Get<DeviceService>().CreateAsync(admin, new CreateDeviceInput("gw", "192.0.2.1"), default);
        return (admin, device);
    }
}
