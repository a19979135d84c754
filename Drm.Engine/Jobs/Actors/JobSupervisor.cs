using Akka.Actor;
using Akka.Event;

namespace Drm.Engine.Jobs.Actors;

/// <summary>
/// The root of the engine: admits jobs within the node's and each device's limits, keeps one device actor per device
/// (created on demand, stopped when idle), and periodically picks up queued jobs and jobs whose node died.
/// </summary>
public sealed class JobSupervisor : ReceiveActor, IWithTimers
{
    private readonly JobStore _store;
    private readonly JobEngineOptions _options;
    private readonly Func<Guid, Props> _deviceProps;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly LinkedList<JobTicket> _waiting = new();
    private readonly Dictionary<Guid, JobTicket> _running = new();
    private readonly Dictionary<Guid, DeviceSlot> _devices = new();
    private readonly HashSet<Guid> _known = new();

    public JobSupervisor(JobStore store, JobEngineOptions options, Func<Guid, Props> deviceProps)
    {
        _store = store;
        _options = options;
        _deviceProps = deviceProps;
        Receive<JobTicket>(Admit);
        Receive<CancelJob>(Cancel);
        Receive<JobEnded>(Ended);
        Receive<ResumeTick>(_ => FindResumable());
        Receive<ResumableJobsFound>(found =>
        {
            foreach (var ticket in found.Tickets)
            {
                Admit(ticket);
            }
        });
        Receive<Status.Failure>(failure => _log.Warning(failure.Cause, "Looking for resumable jobs failed; trying again at the next tick."));
        Receive<IdleTick>(_ => StopIdleDevices());
        Receive<RunningJobsQuery>(_ => Sender.Tell(new RunningJobs(_running.Keys.ToArray(), _waiting.Count, _devices.Count)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    // A crashed device actor would take its runners with it; their jobs are settled by the lease, so stop it cleanly.
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    protected override void PreStart()
    {
        Self.Tell(ResumeTick.Instance);
        Timers.StartPeriodicTimer("resume", ResumeTick.Instance, _options.ResumeInterval);
        Timers.StartPeriodicTimer("idle", IdleTick.Instance, _options.DeviceIdleTimeout / 2);
    }

    private void Admit(JobTicket ticket)
    {
        if (!_known.Add(ticket.JobId))
        {
            return;
        }

        _waiting.AddLast(ticket);
        Pump();
    }

    private void Pump()
    {
        for (var node = _waiting.First; node is not null && _running.Count < _options.MaxConcurrentJobs;)
        {
            var next = node.Next;
            var ticket = node.Value;
            var slot = Device(ticket.DeviceId ?? Guid.Empty);
            if (ticket.DeviceId is null || slot.Running < _options.MaxJobsPerDevice)
            {
                _waiting.Remove(node);
                slot.Running++;
                slot.LastUsed = Environment.TickCount64;
                _running[ticket.JobId] = ticket;
                slot.Actor.Tell(ticket);
            }

            node = next;
        }
    }

    private void Cancel(CancelJob cancel)
    {
        if (_running.TryGetValue(cancel.JobId, out var ticket))
        {
            Device(ticket.DeviceId ?? Guid.Empty).Actor.Forward(cancel);
            return;
        }

        // Still waiting here: the service already marked it cancelled, so claiming it would fail; drop it now.
        var waiting = _waiting.FirstOrDefault(t => t.JobId == cancel.JobId);
        if (waiting is not null)
        {
            _waiting.Remove(waiting);
            _known.Remove(cancel.JobId);
        }
    }

    private void Ended(JobEnded ended)
    {
        if (_running.Remove(ended.Ticket.JobId))
        {
            var slot = Device(ended.Ticket.DeviceId ?? Guid.Empty);
            slot.Running--;
            slot.LastUsed = Environment.TickCount64;
        }

        _known.Remove(ended.Ticket.JobId);
        Pump();
    }

    private void FindResumable()
    {
        var free = _options.MaxConcurrentJobs * 4 - _known.Count;
        if (free > 0)
        {
            _store.FindResumableAsync(free, CancellationToken.None).PipeTo(Self, success: tickets => new ResumableJobsFound(tickets));
        }
    }

    private void StopIdleDevices()
    {
        var cutoff = Environment.TickCount64 - (long)_options.DeviceIdleTimeout.TotalMilliseconds;
        foreach (var (key, slot) in _devices.Where(d => d.Value.Running == 0 && d.Value.LastUsed < cutoff).ToList())
        {
            Context.Stop(slot.Actor);
            _devices.Remove(key);
        }
    }

    private DeviceSlot Device(Guid deviceId)
    {
        if (!_devices.TryGetValue(deviceId, out var slot))
        {
            // Unique names: a stopping actor of the same device may still hold its old name.
            var actor = Context.ActorOf(_deviceProps(deviceId), $"device-{deviceId:N}-{Guid.NewGuid():N}");
            slot = new DeviceSlot(actor) { LastUsed = Environment.TickCount64 };
            _devices[deviceId] = slot;
        }

        return slot;
    }

    private sealed class DeviceSlot(IActorRef actor)
    {
        public IActorRef Actor { get; } = actor;

        public int Running { get; set; }

        /// <summary>In <see cref="Environment.TickCount64"/> milliseconds.</summary>
        public long LastUsed { get; set; }
    }

    private sealed class ResumeTick
    {
        public static readonly ResumeTick Instance = new();
    }

    private sealed class IdleTick
    {
        public static readonly IdleTick Instance = new();
    }
}
