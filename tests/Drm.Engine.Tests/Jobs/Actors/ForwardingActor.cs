using Akka.Actor;

namespace Drm.Engine.Tests.Jobs.Actors;

/// <summary>Stands in for a child actor: announces itself to the probe, then forwards everything it receives there.</summary>
public sealed class ForwardingActor : ReceiveActor
{
    public ForwardingActor(IActorRef probe, string name)
    {
        probe.Tell(new Started(name, Self));
        ReceiveAny(message => probe.Forward(message));
    }

    public sealed record Started(string Name, IActorRef Actor);
}
