using System.Xml.Linq;
using Drm.TestUtils;

namespace Drm.GraphQL.Tests.Architecture;

public sealed class ProjectReferenceTests
{
    [Theory]
    [InlineData("Drm.Protocols")]
    [InlineData("Drm.Mib")]
    [InlineData("Drm.Engine", "Drm.Protocols", "Drm.Mib")]
    [InlineData("Drm.GraphQL", "Drm.Engine")]
    public void Project_ReferencesOnlyWhatTheDesignAllows(string project, params string[] allowed)
    {
        var csproj = XDocument.Load(Path.Combine(RepositoryPaths.Root, project, project + ".csproj"));

        var references = csproj.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToArray();

        references.ShouldBe(allowed, ignoreOrder: true);
    }

    [Fact]
    public void Solution_HoldsTheFourProjectsAndOneTestProjectEach()
    {
        var solution = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Drm.sln"));

        foreach (var name in new[] { "Protocols", "Mib", "Engine", "GraphQL" })
        {
            solution.ShouldContain($"Drm.{name}\\Drm.{name}.csproj");
            solution.ShouldContain($"tests\\Drm.{name}.Tests\\Drm.{name}.Tests.csproj");
        }
    }
}
