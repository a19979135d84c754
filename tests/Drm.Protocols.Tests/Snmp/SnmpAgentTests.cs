using System.Net;
using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Security;

namespace Drm.Protocols.Tests.Snmp;

public sealed class SnmpAgentTests
{
    private static readonly SnmpClientOptions Defaults = new() { Port = 1161, Timeout = TimeSpan.FromSeconds(3), Retries = 4, MaxRepetitions = 40 };

    [Fact]
    public void FromCredential_V2c_FillsGapsFromTheDefaults()
    {
        var agent = SnmpAgent.FromCredential(IPAddress.Loopback, new SnmpCredentialShape("2c", Community: "private"), Defaults);

        agent.Version.ShouldBe(SnmpVersion.V2c);
        agent.EndPoint.Port.ShouldBe(1161);
        agent.Community.ToArray().ShouldBe("private"u8.ToArray());
        (agent.Timeout, agent.Retries, agent.MaxRepetitions).ShouldBe((TimeSpan.FromSeconds(3), 4, 40));
    }

    [Fact]
    public void FromCredential_V3_ParsesTheStoredProtocolSpellings()
    {
        var agent = SnmpAgent.FromCredential(IPAddress.IPv6Loopback, new SnmpCredentialShape(
            "3", Username: "ops", AuthProtocol: "SHA256", AuthPassword: "a-pass-123", PrivProtocol: "AES256C", PrivPassword: "p-pass-123",
            Port: 161, Timeout: TimeSpan.FromSeconds(1), Retries: 0), Defaults);

        agent.User.ShouldBe(new SnmpUser("ops", SnmpAuthProtocol.Sha256, "a-pass-123", SnmpPrivProtocol.Aes256Reeder, "p-pass-123"));
        (agent.EndPoint.Port, agent.Retries).ShouldBe((161, 0));
    }

    [Theory]
    [InlineData("4", null, null)]
    [InlineData("3", null, null)]
    [InlineData("3", "ops", "MD4")]
    public void FromCredential_Unusable_IsAnArgumentException(string version, string? user, string? auth) =>
        Should.Throw<ArgumentException>(() =>
            SnmpAgent.FromCredential(IPAddress.Loopback, new SnmpCredentialShape(version, Username: user, AuthProtocol: auth, AuthPassword: "x-pass-123"), Defaults));
}
