using GraphQL.DataLoader;

namespace Drm.GraphQL.Execution;

/// <summary>
/// Loads one field for every object of a list in one read instead of one read per object. Each resolver hands in its
/// key and returns a deferred result; GraphQL.NET awaits deferred results only after the other fields of the level
/// have resolved, so the first await finds every key of the level waiting and fetches them together.
/// </summary>
/// <remarks>
/// Nothing is cached beyond the wave that fetched it: a subscription re-runs its selection for each event with the
/// same loader, and must read the current values then, not the ones of its first event.
/// </remarks>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
    where TValue : class
{
    private readonly Lock _gate = new();
    private HashSet<TKey> _waiting = [];
    private readonly Dictionary<TKey, Task<IReadOnlyDictionary<TKey, TValue>>> _fetches = [];

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            _waiting.Add(key);
        }

        return new Deferred(this, key);
    }

    private async Task<TValue?> GetAsync(TKey key, CancellationToken cancellationToken)
    {
        Task<IReadOnlyDictionary<TKey, TValue>> fetched;
        lock (_gate)
        {
            if (_waiting.Contains(key))
            {
                var keys = _waiting;
                _waiting = [];
                fetched = fetch(keys, cancellationToken);
                // Only the latest wave is remembered, so a long subscription holds no more than one wave of values.
                _fetches.Clear();
                foreach (var waiting in keys)
                {
                    _fetches[waiting] = fetched;
                }
            }
            else if (!_fetches.TryGetValue(key, out fetched!))
            {
                // A straggler of a wave already forgotten: correct, if not batched.
                fetched = fetch([key], cancellationToken);
            }
        }

        return (await fetched.ConfigureAwait(false)).GetValueOrDefault(key);
    }

    private sealed class Deferred(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.GetAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
