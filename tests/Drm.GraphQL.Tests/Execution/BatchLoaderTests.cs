using Drm.GraphQL.Execution;

namespace Drm.GraphQL.Tests.Execution;

public sealed class BatchLoaderTests
{
    [Fact]
    public async Task KeysLoadedBeforeTheFirstAwait_AreFetchedTogether_AndALaterLoadReadsAgain()
    {
        var fetches = new List<Guid[]>();
        var generation = 0;
        var sut = new BatchLoader<Guid, string>((keys, _) =>
        {
            fetches.Add([.. keys]);
            generation++;
            return Task.FromResult<IReadOnlyDictionary<Guid, string>>(keys.Where(k => k != Missing).ToDictionary(k => k, k => $"{k}@{generation}"));
        });
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());

        var first = sut.Load(a);
        var second = sut.Load(b);
        var again = sut.Load(a);
        var absent = sut.Load(Missing);

        (await first.GetResultAsync()).ShouldBe($"{a}@1");
        (await second.GetResultAsync()).ShouldBe($"{b}@1");
        (await again.GetResultAsync()).ShouldBe($"{a}@1");
        (await absent.GetResultAsync()).ShouldBeNull();
        fetches.Count.ShouldBe(1);
        fetches[0].ShouldBe([a, b, Missing], ignoreOrder: true);

        // The next event of a subscription: the value is read anew, not served from the first wave.
        (await sut.Load(a).GetResultAsync()).ShouldBe($"{a}@2");
        fetches.Count.ShouldBe(2);
        fetches[1].ShouldBe([a]);
    }

    private static readonly Guid Missing = Guid.Empty;
}
