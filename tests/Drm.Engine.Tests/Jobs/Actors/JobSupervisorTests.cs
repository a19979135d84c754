using Akka.Actor;
using Drm.Engine.Jobs;
using Drm.Engine.Jobs.Actors;

namespace Drm.Engine.Tests.Jobs.Actors;

public sealed class JobSupervisorTests(EngineDatabaseFixture fixture) : Akka.TestKit.Xunit.TestKit("akka.loglevel = WARNING")
{
    private static readonly Guid DeviceA = Guid.NewGuid();
    private static readonly Guid DeviceB = Guid.NewGuid();

    [Fact]
    public async Task PerDeviceLimit_HoldsTheThirdJobOfADevice_UntilOneEnds_WhileOtherDevicesRun()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var probe = CreateTestProbe();
        var supervisor = Supervisor(scope, probe, new JobEngineOptions { MaxJobsPerDevice = 2 });
        var a = Enumerable.Range(0, 3).Select(_ => Ticket(DeviceA)).ToArray();
        var b = Ticket(DeviceB);

        foreach (var ticket in a.Append(b))
        {
            supervisor.Tell(ticket);
        }

        var dispatched = ReceiveTickets(probe, 3);
        dispatched.ShouldBe([a[0], a[1], b], ignoreOrder: true);
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));

        supervisor.Tell(new JobEnded(a[0]));
        probe.FishForMessage<JobTicket>(_ => true).ShouldBe(a[2]);
    }

    [Fact]
    public async Task NodeLimit_AdmitsNoMoreJobsThanAllowed_AndADuplicateTicketIsIgnored()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var probe = CreateTestProbe();
        var supervisor = Supervisor(scope, probe, new JobEngineOptions { MaxConcurrentJobs = 2 });
        var tickets = Enumerable.Range(0, 3).Select(_ => Ticket(Guid.NewGuid())).ToArray();

        foreach (var ticket in tickets.Append(tickets[0]))
        {
            supervisor.Tell(ticket);
        }

        ReceiveTickets(probe, 2).ShouldBe([tickets[0], tickets[1]], ignoreOrder: true);
        await probe.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(300));
        supervisor.Tell(new JobEnded(tickets[1]));
        probe.FishForMessage<JobTicket>(_ => true).ShouldBe(tickets[2]);
        var running = await supervisor.Ask<RunningJobs>(RunningJobsQuery.Instance, TimeSpan.FromSeconds(3));
        running.JobIds.ShouldBe([tickets[0].JobId, tickets[2].JobId], ignoreOrder: true);
        running.Waiting.ShouldBe(0);
    }

    [Fact]
    public async Task IdleDeviceActor_IsStopped_AndANewJobGetsAFreshOne()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var probe = CreateTestProbe();
        var supervisor = Supervisor(scope, probe, new JobEngineOptions { DeviceIdleTimeout = TimeSpan.FromMilliseconds(300) });
        var first = Ticket(DeviceA);
        supervisor.Tell(first);
        var device = probe.ExpectMsg<ForwardingActor.Started>().Actor;
        probe.ExpectMsg<JobTicket>().ShouldBe(first);
        probe.Watch(device);

        supervisor.Tell(new JobEnded(first));

        probe.ExpectTerminated(device, TimeSpan.FromSeconds(5));
        (await supervisor.Ask<RunningJobs>(RunningJobsQuery.Instance, TimeSpan.FromSeconds(3))).DeviceActors.ShouldBe(0);
        var second = Ticket(DeviceA);
        supervisor.Tell(second);
        probe.ExpectMsg<ForwardingActor.Started>().Actor.ShouldNotBe(device);
        probe.ExpectMsg<JobTicket>().ShouldBe(second);
    }

    [Fact]
    public async Task DeviceActor_WhoseRunnerCrashes_ReportsTheJobEnded_AndKeepsServing()
    {
        await using var scope = await fixture.CreateScopeAsync();
        var parent = CreateTestProbe();
        var runners = CreateTestProbe();
        var crash = true;
        var device = parent.ChildActorOf(Props.Create(() => new DeviceActor(
            scope.Get<JobStore>(),
            ticket => crash ? Props.Create(() => new CrashingActor()) : Props.Create(() => new ForwardingActor(runners, ticket.JobId.ToString())))));
        var broken = Ticket(DeviceA);

        device.Tell(broken);

        parent.ExpectMsg<JobEnded>(TimeSpan.FromSeconds(10)).Ticket.ShouldBe(broken);
        crash = false;
        var next = Ticket(DeviceA);
        device.Tell(next);
        runners.ExpectMsg<ForwardingActor.Started>().Name.ShouldBe(next.JobId.ToString());
        device.Tell(new CancelJob(next.JobId));
        runners.ExpectMsg<CancelJob>().JobId.ShouldBe(next.JobId);
    }

    private IActorRef Supervisor(EngineScope scope, Akka.TestKit.TestProbe probe, JobEngineOptions options)
    {
        var store = scope.Get<JobStore>();
        var quiet = options with { ResumeInterval = TimeSpan.FromMinutes(10) };
        return Sys.ActorOf(Props.Create(() => new JobSupervisor(store, quiet, id => Props.Create(() => new ForwardingActor(probe, id.ToString())))));
    }

    private static List<JobTicket> ReceiveTickets(Akka.TestKit.TestProbe probe, int count)
    {
        var tickets = new List<JobTicket>();
        while (tickets.Count < count)
        {
            if (probe.ReceiveOne(TimeSpan.FromSeconds(5)) is JobTicket ticket)
            {
                tickets.Add(ticket);
            }
        }

        return tickets;
    }

    private static JobTicket Ticket(Guid device) => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), device);
}
