using Drm.Protocols.Snmp.Transport;
using Drm.TestUtils;

namespace Drm.Protocols.Tests.Snmp.Interop;

/// <summary>snmpsim serving a generated 10,000-row interface table (120,000 OIDs) as community <c>public</c>.</summary>
public sealed class SnmpsimFixture : IAsyncLifetime
{
    public SnmpRecording Recording { get; } = SnmpRecording.InterfaceTable(10_000);

    public SnmpsimServer Agent { get; private set; } = null!;

    public SnmpUdpTransport Transport { get; } = new();

    public async ValueTask InitializeAsync() =>
        Agent = await SnmpsimServer.StartAsync(new Dictionary<string, SnmpRecording> { ["public"] = Recording });

    public async ValueTask DisposeAsync()
    {
        await Transport.DisposeAsync();
        await Agent.DisposeAsync();
    }
}
