using Drm.Protocols.Snmp.Transport;
using Drm.TestUtils;

namespace Drm.Protocols.Tests.Snmp.Interop;

/// <summary>One private snmpd and one client transport for the interop tests.</summary>
public sealed class SnmpdFixture : IAsyncLifetime
{
    public SnmpdServer Agent { get; private set; } = null!;

    public SnmpUdpTransport Transport { get; } = new();

    public async ValueTask InitializeAsync() => Agent = await SnmpdServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await Transport.DisposeAsync();
        await Agent.DisposeAsync();
    }
}
