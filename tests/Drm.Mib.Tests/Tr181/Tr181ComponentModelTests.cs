using System.Diagnostics;
using Drm.Mib.Tr181;
using Drm.TestUtils;

namespace Drm.Mib.Tests.Tr181;

/// <summary>The component-based TR-181 models (an entry point with the component files it imports).</summary>
public sealed class Tr181ComponentModelTests(ITestOutputHelper output)
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Shared, "data", "tr181");

    [Theory]
    [InlineData("tr-181-2-19-1-usp.xml", "tr-181-2-19-1-usp-full.xml")]
    [InlineData("tr-181-2-19-1-cwmp.xml", "tr-181-2-19-1-cwmp-full.xml")]
    public void AComponentModel_GivesTheSameCatalogAsItsFlattenedFile(string entryPoint, string flattened)
    {
        var expected = Tr181Reader.ReadFile(Path.Combine(Folder, flattened));
        var clock = Stopwatch.StartNew();
        var actual = Tr181Reader.ReadFile(Path.Combine(Folder, entryPoint));
        output.WriteLine($"{entryPoint}: {clock.ElapsedMilliseconds} ms");

        Tr181CatalogComparison.Differences(expected, actual).ShouldBeEmpty();
        actual.Name.ShouldBe(expected.Name);
    }
}
