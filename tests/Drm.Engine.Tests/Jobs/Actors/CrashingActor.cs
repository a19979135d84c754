using Akka.Actor;

namespace Drm.Engine.Tests.Jobs.Actors;

/// <summary>A runner that dies as it starts, the way a bug in a runner would.</summary>
public sealed class CrashingActor : ReceiveActor
{
    protected override void PreStart() => throw new InvalidOperationException("The runner broke.");
}
