using System.Text.Json.Nodes;
using Drm.TestUtils;

namespace Drm.GraphQL.Tests.Conformance;

/// <summary>Runs a driver from tests/node (npm packages installed by ./test) and parses the one JSON document it prints.</summary>
internal static class NodeDriver
{
    public static async Task<JsonNode> RunAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "node", script);
        File.Exists(Path.Combine(RepositoryPaths.Root, "node_modules", ".package-lock.json"))
            .ShouldBeTrue("node_modules is missing: run `npm ci` (./test does it).");
        var result = await ProcessRunner.RunAsync("node", [path, .. arguments], timeout, workingDirectory: RepositoryPaths.Root);
        result.EnsureSuccess(script);
        return JsonNode.Parse(result.StandardOutput) ?? throw new ShouldAssertException($"{script} printed nothing: {result.StandardError}");
    }
}
