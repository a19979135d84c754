using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Drm.Protocols.Snmp.Transport;

/// <summary>
/// One UDP socket (dual-stack, IPv4 and IPv6) that carries every outstanding request to every agent. Responses are
/// matched by id and by the agent's address, so thousands of requests are in flight without a socket or a thread
/// each; a late, duplicate, foreign or garbled datagram is dropped and never reaches the wrong caller.
/// </summary>
public sealed class SnmpUdpTransport : IAsyncDisposable
{
    private const int MaxDatagram = 65_535;

    private readonly Socket _socket;
    private readonly ConcurrentDictionary<int, PendingRequest> _pending = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _receiveLoop;
    private int _nextId;
    private long _dropped;

    public SnmpUdpTransport(IPEndPoint? localEndPoint = null)
    {
        _socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp) { DualMode = true };
        _socket.Bind(localEndPoint ?? new IPEndPoint(IPAddress.IPv6Any, 0));
        // Walks of big tables arrive in bursts; a larger receive buffer keeps the kernel from dropping them.
        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _nextId = Random.Shared.Next(1, int.MaxValue / 2);
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    public EndPoint LocalEndPoint => _socket.LocalEndPoint!;

    /// <summary>Datagrams dropped because they matched no outstanding request or could not be read.</summary>
    public long DroppedDatagrams => Interlocked.Read(ref _dropped);

    /// <summary>A fresh positive id for a request-id or msgID.</summary>
    public int NextId()
    {
        var id = Interlocked.Increment(ref _nextId) & int.MaxValue;
        return id == 0 ? NextId() : id;
    }

    /// <summary>Sends one datagram and waits for the datagram the agent answers with the same id.</summary>
    /// <exception cref="TimeoutException">No answer within <paramref name="timeout"/>.</exception>
    public async Task<byte[]> SendAndReceiveAsync(
        IPEndPoint agent, ReadOnlyMemory<byte> datagram, int id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var target = Normalize(agent);
        var pending = new PendingRequest(target);
        if (!_pending.TryAdd(id, pending))
        {
            throw new InvalidOperationException($"Request id {id} is already outstanding.");
        }

        try
        {
            await _socket.SendToAsync(datagram, SocketFlags.None, target, cancellationToken).ConfigureAwait(false);
            return await pending.Response.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<int, PendingRequest>(id, pending));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _receiveLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        foreach (var pending in _pending.Values)
        {
            pending.Response.TrySetCanceled();
        }

        _stopping.Dispose();
    }

    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.AddressFamily == AddressFamily.InterNetwork ? new IPEndPoint(endPoint.Address.MapToIPv6(), endPoint.Port) : endPoint;

    private async Task ReceiveLoopAsync()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
        EndPoint any = new IPEndPoint(IPAddress.IPv6Any, 0);
        while (!_stopping.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                // An ICMP error for an earlier datagram surfaces here on some systems; the socket is still usable.
                continue;
            }

            var datagram = buffer.AsSpan(0, received.ReceivedBytes);
            if (MessageIds.TryRead(datagram, out var id) &&
                _pending.TryGetValue(id, out var pending) &&
                pending.Agent.Equals(received.RemoteEndPoint) &&
                pending.Response.TrySetResult(datagram.ToArray()))
            {
                continue;
            }

            Interlocked.Increment(ref _dropped);
        }
    }

    private sealed class PendingRequest(IPEndPoint agent)
    {
        public IPEndPoint Agent { get; } = agent;

        public TaskCompletionSource<byte[]> Response { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
