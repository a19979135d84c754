using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Drm.Engine.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Drm.GraphQL.Tests.Jobs;

/// <summary>
/// Subscriptions that end, however they end, leave no subscriber and no memory behind. It counts the node's
/// subscribers and its heap, so it runs alone (<see cref="MeasuredAloneCollection"/>): other classes' subscriptions
/// and TR-181 imports would otherwise move both numbers.
/// </summary>
[Collection(MeasuredAloneCollection.Name)]
public sealed class SubscriptionCleanupTests(ServerFixture server)
{
    [Fact]
    public async Task TenThousandSubscriptions_OverWebSocketAndSse_CleanUpAfterThemselves_EvenWhenClientsVanish()
    {
        var hub = server.Services.GetRequiredService<JobNotificationHub>();
        var before = hub.SubscriberCount;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);

        using (var socket = await GraphQLWebSocket.ConnectAsync(server, server.Alpha.ViewerToken))
        {
            for (var i = 0; i < 9_000; i++)
            {
                await socket.SubscribeAsync($"s{i}", i % 2 == 0 ? "subscription { jobUpdates { id } }" : "subscription { jobUpdates(status: FAILED) { id } }");
                await socket.CompleteAsync($"s{i}");
            }

            // Alpha's jobs from other test classes may reach a subscription before its complete does.
            await socket.SendAsync(new JsonObject { ["type"] = "ping" });
            JsonNode? received;
            while ((received = await socket.ReceiveAsync())!["type"]!.GetValue<string>() != "pong")
            {
                received["type"]!.GetValue<string>().ShouldBe("next", received.ToJsonString());
            }
        }

        for (var i = 0; i < 250; i++)
        {
            var vanishing = await GraphQLWebSocket.ConnectAsync(server, server.Alpha.ViewerToken);
            await vanishing.SubscribeAsync("a", "subscription { jobUpdates { id } }");
            await vanishing.SubscribeAsync("b", $"subscription {{ jobProgress(jobId: \"{Guid.NewGuid()}\") {{ id }} }}");
            vanishing.Abort();
            vanishing.Dispose();
        }

        // SSE clients that read the stream's start and hang up without a word.
        for (var i = 0; i < 500; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, server.GraphQLUrl)
            {
                Content = JsonContent.Create(new { query = "subscription { jobUpdates { id } }" }),
            };
            request.Headers.Accept.ParseAdd("text/event-stream");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", server.Alpha.ViewerToken);
            using var response = await server.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        }

        var clock = Stopwatch.StartNew();
        while (hub.SubscriberCount > before && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        hub.SubscriberCount.ShouldBe(before);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var grown = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;
        grown.ShouldBeLessThan(16L * 1024 * 1024, "10,000 finished subscriptions must not leave memory behind");
    }
}
