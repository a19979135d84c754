namespace Drm.GraphQL.Tests.Conformance;

/// <summary>Third-party clients against the live server: graphql-http's audit, graphql-ws, and the IDE in Chromium.</summary>
public sealed class ClientConformanceTests(ServerFixture server, ITestOutputHelper output)
{
    [Fact]
    public async Task GraphQLHttpAudit_EveryMustPasses_AndShouldResultsAreReported()
    {
        var audits = (await NodeDriver.RunAsync("graphql-http-audit.mjs", TimeSpan.FromMinutes(2), server.GraphQLUrl.ToString())).AsArray();

        audits.Count.ShouldBeGreaterThan(50);
        foreach (var audit in audits.Where(a => a!["status"]!.GetValue<string>() != "ok"))
        {
            output.WriteLine($"{audit!["status"]}: {audit["name"]} — {audit["reason"]}");
        }

        var failedMusts = audits
            .Where(a => a!["name"]!.GetValue<string>().StartsWith("MUST", StringComparison.Ordinal) && a["status"]!.GetValue<string>() != "ok")
            .Select(a => a!["name"]!.GetValue<string>());
        failedMusts.ShouldBeEmpty();
        var shoulds = audits.Where(a => a!["name"]!.GetValue<string>().StartsWith("SHOULD", StringComparison.Ordinal)).ToList();
        output.WriteLine($"SHOULD audits: {shoulds.Count(a => a!["status"]!.GetValue<string>() == "ok")} of {shoulds.Count} ok");
    }

    [Fact]
    public async Task GraphQLWsClient_ReceivesServerTimeAndQueriesWithItsToken()
    {
        var result = await NodeDriver.RunAsync(
            "graphql-ws-client.mjs", TimeSpan.FromSeconds(30), $"ws://{server.BaseUrl.Authority}/graphql", server.Beta.ViewerToken, "3");

        result["error"].ShouldBeNull(result.ToJsonString());
        result["ticks"]!.AsArray().Count.ShouldBe(3);
        result["ticks"]!.AsArray().ShouldAllBe(t => t!["data"]!["serverTime"] != null);
        result["me"]!["data"]!["me"]!["email"]!.GetValue<string>().ShouldBe("viewer@beta.test");
    }

    [Fact]
    public async Task GraphQLWsClient_WithABadToken_IsClosedWith4403()
    {
        var result = await NodeDriver.RunAsync(
            "graphql-ws-client.mjs", TimeSpan.FromSeconds(30), $"ws://{server.BaseUrl.Authority}/graphql", "not-a-token", "1");

        result["closeCode"]!.GetValue<int>().ShouldBe(4403);
        result["ticks"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task BananaCakePop_InHeadlessChromiumOffline_RunsAQueryAndASubscription()
    {
        var result = await NodeDriver.RunAsync("ide-browser.mjs", TimeSpan.FromMinutes(3), server.BaseUrl.ToString().TrimEnd('/'));
        output.WriteLine(result.ToJsonString());

        result["error"].ShouldBeNull(result.ToJsonString());
        result["queryResult"]!.GetValue<string>().ShouldContain("\"__typename\": \"Query\"");
        result["subscriptionResult"]!.GetValue<string>().ShouldContain("\"serverTime\":");
        // Offline: the IDE asked nothing of any host but this server.
        result["blockedRequests"]!.AsArray().ShouldBeEmpty();
    }
}
