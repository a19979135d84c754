using System.Net;
using System.Net.Sockets;
using Drm.Protocols.Snmp;
using Drm.Protocols.Snmp.Ber;
using Drm.Protocols.Snmp.Pdus;

namespace Drm.TestUtils;

/// <summary>
/// A fast SNMPv2c agent for tests and benchmarks: serves one recording on many loopback UDP ports, answering GET,
/// GETNEXT and GETBULK (snmpsim, in Python, tops out near 10,000 varbinds/s and cannot show how fast a client is).
/// Responses are capped near 1,400 bytes per datagram as real agents cap them to avoid IP fragmentation. Each varbind is
/// encoded once and its bytes reused, so that in benchmarks this peer takes as little as possible of the processors it
/// shares with the client being measured.
/// </summary>
public sealed class SimulatedAgent : IAsyncDisposable
{
    private const int MaxResponseBytes = 1400;

    private readonly SnmpRecording _recording;
    private readonly byte[] _community;
    private readonly byte[]?[] _encoded;
    private readonly List<Socket> _sockets = [];
    private readonly List<Task> _loops = [];
    private readonly CancellationTokenSource _stop = new();
    private long _varBindsServed;

    private SimulatedAgent(SnmpRecording recording, string community)
    {
        _recording = recording;
        _community = System.Text.Encoding.UTF8.GetBytes(community);
        _encoded = new byte[recording.Count][];
    }

    public IReadOnlyList<IPEndPoint> EndPoints => _sockets.Select(s => (IPEndPoint)s.LocalEndPoint!).ToList();

    public long VarBindsServed => Interlocked.Read(ref _varBindsServed);

    public static SimulatedAgent Start(SnmpRecording recording, int ports = 1, string community = "public")
    {
        ArgumentNullException.ThrowIfNull(recording);
        var agent = new SimulatedAgent(recording, community);
        for (var i = 0; i < ports; i++)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            agent._sockets.Add(socket);
            agent._loops.Add(Task.Run(() => agent.ServeAsync(socket)));
        }

        return agent;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }

        try
        {
            await Task.WhenAll(_loops);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        var buffer = new byte[65_535];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            byte[]? response;
            try
            {
                response = Answer(buffer.AsSpan(0, received.ReceivedBytes));
            }
            catch (BerContentException)
            {
                continue;
            }

            if (response is not null)
            {
                await socket.SendToAsync(response, SocketFlags.None, received.RemoteEndPoint, _stop.Token);
            }
        }
    }

    private byte[]? Answer(ReadOnlySpan<byte> datagram)
    {
        var request = CommunityMessage.Decode(datagram);
        if (!request.Community.Span.SequenceEqual(_community) || request.Pdu is not SnmpPdu pdu)
        {
            return null; // wrong community: silence, as real agents do
        }

        var varBinds = new List<VarBind>();
        switch (pdu.Type)
        {
            case SnmpPduType.GetRequest:
                foreach (var requested in pdu.VarBinds)
                {
                    var index = _recording.NextIndex(requested.Oid) - 1;
                    varBinds.Add(index >= 0 && _recording.Oids[index] == requested.Oid
                        ? new VarBind(requested.Oid, _recording.Values[index])
                        : new VarBind(requested.Oid, SnmpValue.NoSuchObject));
                }

                break;
            case SnmpPduType.GetNextRequest:
                varBinds.AddRange(pdu.VarBinds.Select(v => Next(v.Oid)));
                break;
            case SnmpPduType.GetBulkRequest:
                return AnswerBulk(request, pdu);
            default:
                return null;
        }

        Interlocked.Add(ref _varBindsServed, varBinds.Count);
        return new CommunityMessage(request.Version, request.Community, new SnmpPdu(SnmpPduType.Response, pdu.RequestId, 0, 0, varBinds)).Encode();
    }

    private byte[] AnswerBulk(CommunityMessage request, SnmpPdu pdu)
    {
        var index = _recording.NextIndex(pdu.VarBinds[0].Oid);
        var budget = MaxResponseBytes - 40 - request.Community.Length;
        var served = 0;
        using var writer = new BerWriter(MaxResponseBytes + 64);
        using (writer.PushSequence())
        {
            writer.WriteInteger((int)request.Version);
            writer.WriteOctetString(request.Community.Span);
            using (writer.PushSequence((byte)SnmpPduType.Response))
            {
                writer.WriteInteger(pdu.RequestId);
                writer.WriteInteger(0);
                writer.WriteInteger(0);
                using (writer.PushSequence())
                {
                    for (var i = 0; i < Math.Max(1, pdu.MaxRepetitions); i++, index++)
                    {
                        if (index >= _recording.Count)
                        {
                            var last = served > 0 ? _recording.Oids[index - 1] : pdu.VarBinds[0].Oid;
                            using (writer.PushSequence())
                            {
                                writer.WriteOid(last);
                                writer.WriteValue(SnmpValue.EndOfMibView);
                            }

                            served++;
                            break;
                        }

                        var encoded = Encoded(index);
                        budget -= encoded.Length;
                        if (budget < 0 && served > 0)
                        {
                            break; // RFC 3416 §4.2.3: fewer repetitions rather than tooBig.
                        }

                        writer.WriteEncoded(encoded);
                        served++;
                    }
                }
            }
        }

        Interlocked.Add(ref _varBindsServed, served);
        return writer.ToArray();
    }

    // Filled on first use; two loops racing to fill one entry write equal bytes.
    private byte[] Encoded(int index)
    {
        if (_encoded[index] is { } cached)
        {
            return cached;
        }

        using var writer = new BerWriter(64);
        using (writer.PushSequence())
        {
            writer.WriteOid(_recording.Oids[index]);
            writer.WriteValue(_recording.Values[index]);
        }

        return _encoded[index] = writer.ToArray();
    }

    private VarBind Next(ObjectIdentifier oid)
    {
        var index = _recording.NextIndex(oid);
        return index < _recording.Count ? new VarBind(_recording.Oids[index], _recording.Values[index]) : new VarBind(oid, SnmpValue.EndOfMibView);
    }
}
