namespace Drm.GraphQL.Schema;

/// <summary>An observable that ticks the current time once a second for each subscriber.</summary>
public sealed class ServerClock(TimeProvider time) : IObservable<DateTimeOffset>
{
    public IDisposable Subscribe(IObserver<DateTimeOffset> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return time.CreateTimer(_ => observer.OnNext(time.GetUtcNow()), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }
}
