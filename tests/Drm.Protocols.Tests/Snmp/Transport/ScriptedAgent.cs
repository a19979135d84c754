using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Pdus;

namespace Drm.Protocols.Tests.Snmp.Transport;

/// <summary>
/// A loopback UDP agent whose answers a test scripts: it decodes each request and sends back whatever datagrams the
/// script returns (none, garbage, a wrong request-id, the right answer…). Also serves a sorted table for walks.
/// </summary>
internal sealed class ScriptedAgent : IAsyncDisposable
{
    private readonly UdpClient _udp;
    private readonly Func<CommunityMessage, IEnumerable<byte[]>> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ScriptedAgent(Func<CommunityMessage, IEnumerable<byte[]>> script, AddressFamily family = AddressFamily.InterNetwork)
    {
        _script = script;
        _udp = new UdpClient(new IPEndPoint(family == AddressFamily.InterNetwork ? IPAddress.Loopback : IPAddress.IPv6Loopback, 0));
        _loop = Task.Run(LoopAsync);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_udp.Client.LocalEndPoint!;

    public ConcurrentQueue<CommunityMessage> Requests { get; } = new();

    /// <summary>An agent answering GET, GETNEXT and GETBULK from a sorted table, like a real one.</summary>
    public static ScriptedAgent ServingTable(SortedDictionary<ObjectIdentifier, SnmpValue> table, Func<SnmpPdu, SnmpPdu?>? intercept = null) =>
        new(request =>
        {
            var pdu = (SnmpPdu)request.Pdu;
            var response = intercept?.Invoke(pdu) ?? Answer(table, pdu);
            return [new CommunityMessage(request.Version, request.Community, response).Encode()];
        });

    public static byte[] Reply(CommunityMessage request, IReadOnlyList<VarBind> varBinds, int? requestId = null, int errorStatus = 0, int errorIndex = 0) =>
        new CommunityMessage(request.Version, request.Community, new SnmpPdu(
            SnmpPduType.Response, requestId ?? ((SnmpPdu)request.Pdu).RequestId, errorStatus, errorIndex, varBinds)).Encode();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _udp.Dispose();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static SnmpPdu Answer(SortedDictionary<ObjectIdentifier, SnmpValue> table, SnmpPdu pdu)
    {
        var varBinds = new List<VarBind>();
        switch (pdu.Type)
        {
            case SnmpPduType.GetRequest:
                varBinds.AddRange(pdu.VarBinds.Select(v => new VarBind(v.Oid, table.GetValueOrDefault(v.Oid, SnmpValue.NoSuchObject))));
                break;
            case SnmpPduType.GetNextRequest:
                varBinds.AddRange(pdu.VarBinds.Select(v => Next(table, v.Oid)));
                break;
            case SnmpPduType.GetBulkRequest:
                var cursor = pdu.VarBinds[0].Oid;
                for (var i = 0; i < pdu.MaxRepetitions; i++)
                {
                    var next = Next(table, cursor);
                    varBinds.Add(next);
                    if (next.Value.Type == SnmpType.EndOfMibView)
                    {
                        break;
                    }

                    cursor = next.Oid;
                }

                break;
        }

        return new SnmpPdu(SnmpPduType.Response, pdu.RequestId, 0, 0, varBinds);
    }

    private static VarBind Next(SortedDictionary<ObjectIdentifier, SnmpValue> table, ObjectIdentifier oid)
    {
        foreach (var (key, value) in table)
        {
            if (key > oid)
            {
                return new VarBind(key, value);
            }
        }

        return new VarBind(oid, SnmpValue.EndOfMibView);
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var received = await _udp.ReceiveAsync(_stop.Token);
            CommunityMessage request;
            try
            {
                request = CommunityMessage.Decode(received.Buffer);
            }
            catch (Drm.Protocols.Snmp.Ber.BerContentException)
            {
                continue;
            }

            Requests.Enqueue(request);
            foreach (var datagram in _script(request))
            {
                await _udp.SendAsync(datagram, received.RemoteEndPoint, _stop.Token);
            }
        }
    }
}
