using Drm.Protocols.Snmp;
using Drm.Protocols.Tr069;
using Drm.Protocols.Usp;
using Drm.Protocols.WebPa;

namespace Drm.Protocols.Tests.Snmp;

/// <summary>The defaults the README and the XML docs promise when no environment variable overrides them.</summary>
public sealed class ProtocolOptionsTests
{
    [Fact]
    public void SnmpDefaults_AreNetSnmpCompatible()
    {
        var sut = new SnmpClientOptions();

        sut.ShouldBe(new SnmpClientOptions { Timeout = TimeSpan.FromSeconds(5), Retries = 2, Port = 161, MaxRepetitions = 25 });
    }

    [Fact]
    public void HttpProtocolDefaults_HaveNoServerAndAThirtySecondTimeout()
    {
        new WebPaClientOptions().ShouldBe(new WebPaClientOptions { BaseUrl = null, Timeout = TimeSpan.FromSeconds(30), Retries = 2, Service = "config" });
        new Tr069ClientOptions().AcsUrl.ShouldBeNull();
        new Tr069ClientOptions().ConnectionRequestTimeout.ShouldBe(TimeSpan.FromSeconds(10));
        new UspClientOptions().ControllerEndpointId.ShouldBe("self::drm-controller");
    }
}
