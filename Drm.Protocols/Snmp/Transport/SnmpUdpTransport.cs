using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Drm.Protocols.Snmp.Transport;

/// <summary>
/// One UDP socket (dual-stack, IPv4 and IPv6) that carries every outstanding request to every agent. Responses are
/// matched by id and by the agent's address, so thousands of requests are in flight without a socket or a thread
/// each; a late, duplicate, foreign or garbled datagram is dropped and never reaches the wrong caller.
/// </summary>
/// <remarks>
/// <para>
/// The costs that matter are thread wake-ups, not bytes: against an agent that takes milliseconds per answer, every
/// hand-over between threads costs more CPU than decoding the answer. So the socket is only used synchronously (an
/// asynchronous operation registers it with the runtime's epoll loop, and every send then raises a write-ready event
/// that costs a thread-pool hop), one dedicated thread blocks in <c>recvfrom</c>, and timeouts are swept on a coarse
/// tick instead of arming a runtime timer per request.
/// </para>
/// <para>
/// When no other datagram is waiting, the receive thread completes the request itself, so the caller's continuation
/// (decode, next request) runs there without a hand-over, as in a single-threaded C client. When datagrams queue up,
/// completions go to the thread pool so that many walks decode in parallel. A caller that blocks in its continuation
/// cannot starve the others for long: when the receive thread has been busy in one continuation for longer than
/// <see cref="StuckAfterMilliseconds"/>, a fresh receive thread takes over.
/// </para>
/// </remarks>
public sealed class SnmpUdpTransport : IAsyncDisposable
{
    private const int MaxDatagram = 65_535;
    private const int IdleTicksBeforeSleep = 50;

    // Timeouts are checked every tenth of the shortest outstanding timeout, within these bounds, so a request times
    // out at most 10% late; each tick wakes two threads, so it is no finer than it needs to be.
    private const int FinestTickMilliseconds = 10;
    private const int CoarsestTickMilliseconds = 100;

    private const long StuckAfterMilliseconds = 100;

    private readonly Socket _socket;
    private readonly ConcurrentDictionary<int, PendingRequest> _pending = new();
    private readonly Timer _sweeper;
    private readonly SemaphoreSlim? _inFlight;
    private readonly Lock _receiversLock = new();
    private Thread _receiver;
    private int _receiverGeneration;
    private long _receiverBusySince;
    private volatile bool _stopping;
    private int _sweeping;
    private int _tickMilliseconds = CoarsestTickMilliseconds;
    private int _idleTicks;
    private int _nextId;
    private long _dropped;

    /// <param name="localEndPoint">Where to bind; any address and port by default.</param>
    /// <param name="maxInFlight">
    /// Requests awaiting an answer at once; callers beyond it wait for a slot (their timeout starts once sent).
    /// Null is unlimited.
    /// </param>
    public SnmpUdpTransport(IPEndPoint? localEndPoint = null, int? maxInFlight = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInFlight ?? 1, 1, nameof(maxInFlight));
        _inFlight = maxInFlight is { } limit ? new SemaphoreSlim(limit, limit) : null;
        _socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp) { DualMode = true };
        _socket.Bind(localEndPoint ?? new IPEndPoint(IPAddress.IPv6Any, 0));
        // Walks of big tables arrive in bursts; a larger receive buffer keeps the kernel from dropping them.
        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _nextId = Random.Shared.Next(1, int.MaxValue / 2);
        _sweeper = new Timer(static state => ((SnmpUdpTransport)state!).Sweep(), this, Timeout.Infinite, Timeout.Infinite);
        _receiver = StartReceiver(0);
    }

    public EndPoint LocalEndPoint => _socket.LocalEndPoint!;

    /// <summary>Requests awaiting an answer now.</summary>
    public int InFlight => _pending.Count;

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
        ObjectDisposedException.ThrowIf(_stopping, this);
        if (_inFlight is null)
        {
            return await ExchangeAsync(agent, datagram, id, timeout, cancellationToken).ConfigureAwait(false);
        }

        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ExchangeAsync(agent, datagram, id, timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private async Task<byte[]> ExchangeAsync(
        IPEndPoint agent, ReadOnlyMemory<byte> datagram, int id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Environment.TickCount64 is coarse (a few milliseconds) and would let a request time out early.
        var deadline = Stopwatch.GetTimestamp() + (long)Math.Ceiling(timeout.TotalSeconds * Stopwatch.Frequency);
        var pending = new PendingRequest(Normalize(agent).Serialize(), deadline);
        if (!_pending.TryAdd(id, pending))
        {
            throw new InvalidOperationException($"Request id {id} is already outstanding.");
        }

        EnsureSweeping((int)Math.Clamp(timeout.TotalMilliseconds / 10, FinestTickMilliseconds, CoarsestTickMilliseconds));
        var registration = cancellationToken.UnsafeRegister(
            static (state, token) => ((PendingRequest)state!).TryClaimAndDispatch(static (p, t) => p.Response.TrySetCanceled((CancellationToken)t!), token),
            pending);
        try
        {
            _socket.SendTo(datagram.Span, SocketFlags.None, pending.Agent);
            return await pending.Response.Task.ConfigureAwait(false);
        }
        finally
        {
            await registration.DisposeAsync().ConfigureAwait(false);
            _pending.TryRemove(new KeyValuePair<int, PendingRequest>(id, pending));
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_stopping)
        {
            return ValueTask.CompletedTask;
        }

        _stopping = true;
        _sweeper.Dispose();
        // Closing the socket wakes every thread blocked in recvfrom with an error, which ends its loop.
        _socket.Dispose();
        Thread receiver;
        lock (_receiversLock)
        {
            receiver = _receiver;
        }

        // The last await of a caller may itself run on the receive thread, which cannot wait for itself.
        if (Thread.CurrentThread != receiver)
        {
            receiver.Join();
        }

        foreach (var pending in _pending.Values)
        {
            pending.TryClaimAndDispatch(static (p, _) => p.Response.TrySetCanceled(), null);
        }

        return ValueTask.CompletedTask;
    }

    private static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.AddressFamily == AddressFamily.InterNetwork ? new IPEndPoint(endPoint.Address.MapToIPv6(), endPoint.Port) : endPoint;

    private Thread StartReceiver(int generation)
    {
        var thread = new Thread(() => ReceiveLoop(generation)) { IsBackground = true, Name = "SNMP receive" };
        thread.Start();
        return thread;
    }

    private void ReceiveLoop(int generation)
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram);
        var from = new SocketAddress(AddressFamily.InterNetworkV6);
        // A receiver that was replaced while it ran a slow continuation retires as soon as it gets back here.
        while (!_stopping && generation == Volatile.Read(ref _receiverGeneration))
        {
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (!_stopping)
            {
                // An ICMP error for an earlier datagram surfaces here on some systems; the socket is still usable.
                continue;
            }
            catch (SocketException)
            {
                return;
            }

            var datagram = buffer.AsSpan(0, length);
            if (!MessageIds.TryRead(datagram, out var id) ||
                !_pending.TryGetValue(id, out var pending) ||
                !pending.Agent.Equals(from) ||
                !pending.TryClaim())
            {
                Interlocked.Increment(ref _dropped);
                continue;
            }

            var response = datagram.ToArray();
            if (_socket.Available > 0)
            {
                pending.Dispatch(static (p, r) => p.Response.TrySetResult((byte[])r!), response);
                continue;
            }

            Volatile.Write(ref _receiverBusySince, Environment.TickCount64);
            pending.Response.TrySetResult(response);
            Volatile.Write(ref _receiverBusySince, 0);
        }
    }

    private void EnsureSweeping(int tickMilliseconds)
    {
        Volatile.Write(ref _idleTicks, 0);
        var current = Volatile.Read(ref _tickMilliseconds);
        var finer = tickMilliseconds < current && Interlocked.CompareExchange(ref _tickMilliseconds, tickMilliseconds, current) == current;
        if ((Volatile.Read(ref _sweeping) == 0 && Interlocked.Exchange(ref _sweeping, 1) == 0) || finer)
        {
            var tick = Volatile.Read(ref _tickMilliseconds);
            _sweeper.Change(tick, tick);
        }
    }

    private void Sweep()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var entry in _pending)
        {
            if (now >= entry.Value.Deadline && entry.Value.TryClaim())
            {
                entry.Value.Dispatch(static (p, _) => p.Response.TrySetException(new TimeoutException()), null);
            }
        }

        var busySince = Volatile.Read(ref _receiverBusySince);
        if (busySince != 0 && Environment.TickCount64 - busySince > StuckAfterMilliseconds && !_stopping)
        {
            lock (_receiversLock)
            {
                if (Volatile.Read(ref _receiverBusySince) == busySince)
                {
                    Volatile.Write(ref _receiverBusySince, 0);
                    _receiver = StartReceiver(Interlocked.Increment(ref _receiverGeneration));
                }
            }
        }

        // Stop ticking after a second without requests; a request that raced with stopping restarts it.
        if (!_pending.IsEmpty || Interlocked.Increment(ref _idleTicks) < IdleTicksBeforeSleep || _stopping)
        {
            return;
        }

        Interlocked.Exchange(ref _sweeping, 0);
        _sweeper.Change(Timeout.Infinite, Timeout.Infinite);
        var tick = Interlocked.Exchange(ref _tickMilliseconds, CoarsestTickMilliseconds);
        if (!_pending.IsEmpty)
        {
            EnsureSweeping(tick);
        }
    }

    private sealed class PendingRequest(SocketAddress agent, long deadline)
    {
        public SocketAddress Agent { get; } = agent;

        /// <summary>When the request times out, in <see cref="Stopwatch.GetTimestamp"/> ticks.</summary>
        public long Deadline { get; } = deadline;

        // Continuations run synchronously so that the receive thread can run them itself when it has nothing else to
        // do; every other completion goes through Dispatch so that no caller's code runs on the runtime's timer thread.
        public TaskCompletionSource<byte[]> Response { get; } = new();

        private int _claimed;

        /// <summary>The one completion of this request (answer, timeout or cancellation) claims it first; later ones are dropped.</summary>
        public bool TryClaim() => Interlocked.Exchange(ref _claimed, 1) == 0;

        public void TryClaimAndDispatch(Action<PendingRequest, object?> complete, object? argument)
        {
            if (TryClaim())
            {
                Dispatch(complete, argument);
            }
        }

        public void Dispatch(Action<PendingRequest, object?> complete, object? argument) =>
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.complete(s.request, s.argument), (request: this, complete, argument), preferLocal: false);
    }
}
