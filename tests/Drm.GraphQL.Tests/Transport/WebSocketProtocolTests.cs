using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Drm.GraphQL.Tests.Transport;

/// <summary>The graphql-transport-ws rules, driven with a raw WebSocket so every violation can be sent.</summary>
public sealed class WebSocketProtocolTests(ServerFixture server)
{
    [Fact]
    public async Task InitWithToken_IsAcknowledged_ThenQueriesAndPingsWork()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, new JsonObject { ["type"] = "connection_init", ["payload"] = new JsonObject
        {
            ["user-agent"] = "test", ["Authorization"] = "Bearer " + server.Alpha.AdminToken,
        } });
        (await ReceiveAsync(socket))!["type"]!.GetValue<string>().ShouldBe("connection_ack");

        await SendAsync(socket, new JsonObject { ["type"] = "ping", ["payload"] = new JsonObject { ["n"] = 1 } });
        var pong = await ReceiveAsync(socket);
        pong!["type"]!.GetValue<string>().ShouldBe("pong");
        pong["payload"]!["n"]!.GetValue<int>().ShouldBe(1);

        await SendAsync(socket, Subscribe("q1", "{ me { email } }"));
        var next = await ReceiveAsync(socket);
        next!["type"]!.GetValue<string>().ShouldBe("next");
        next["payload"]!["data"]!["me"]!["email"]!.GetValue<string>().ShouldBe("admin@alpha.test");
        (await ReceiveAsync(socket))!["type"]!.GetValue<string>().ShouldBe("complete");

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        socket.State.ShouldBe(WebSocketState.Closed);
    }

    [Fact]
    public async Task Subscription_StreamsTicks_UntilTheClientCompletesIt()
    {
        using var socket = await ConnectAsync();
        await InitAsync(socket);
        await SendAsync(socket, Subscribe("s1", "subscription { serverTime }"));

        for (var i = 0; i < 2; i++)
        {
            var next = await ReceiveAsync(socket);
            next!["id"]!.GetValue<string>().ShouldBe("s1");
            next["payload"]!["data"]!["serverTime"].ShouldNotBeNull();
        }

        await SendAsync(socket, new JsonObject { ["type"] = "complete", ["id"] = "s1" });
        await SendAsync(socket, new JsonObject { ["type"] = "ping" });
        // After complete, the next message is the pong: no more ticks for s1 (one may already be in flight).
        JsonNode? message;
        do
        {
            message = await ReceiveAsync(socket);
        }
        while (message!["type"]!.GetValue<string>() == "next");
        message["type"]!.GetValue<string>().ShouldBe("pong");
    }

    [Fact]
    public async Task InvalidDocument_GetsAnErrorMessage_AndTheConnectionStaysUp()
    {
        using var socket = await ConnectAsync();
        await InitAsync(socket);
        await SendAsync(socket, Subscribe("bad", "{ nope }"));

        var error = await ReceiveAsync(socket);
        error!["type"]!.GetValue<string>().ShouldBe("error");
        error["payload"]!.AsArray()[0]!["extensions"]!["code"]!.GetValue<string>().ShouldBe("GRAPHQL_VALIDATION_FAILED");
        await SendAsync(socket, new JsonObject { ["type"] = "ping" });
        (await ReceiveAsync(socket))!["type"]!.GetValue<string>().ShouldBe("pong");
    }

    [Fact]
    public async Task SubscribeBeforeInit_Closes4401()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, Subscribe("s", "{ __typename }"));
        (await ExpectCloseAsync(socket)).ShouldBe(4401);
    }

    [Fact]
    public async Task SecondInit_Closes4429()
    {
        using var socket = await ConnectAsync();
        await InitAsync(socket);
        await SendAsync(socket, new JsonObject { ["type"] = "connection_init" });
        (await ExpectCloseAsync(socket)).ShouldBe(4429);
    }

    [Fact]
    public async Task NoInit_Closes4408AfterTheTimeout()
    {
        using var socket = await ConnectAsync();
        (await ExpectCloseAsync(socket)).ShouldBe(4408);
    }

    [Fact]
    public async Task BadToken_Closes4403()
    {
        using var socket = await ConnectAsync();
        await SendAsync(socket, new JsonObject { ["type"] = "connection_init", ["payload"] = new JsonObject { ["Authorization"] = "Bearer junk" } });
        (await ExpectCloseAsync(socket)).ShouldBe(4403);
    }

    [Fact]
    public async Task DuplicateOperationId_Closes4409()
    {
        using var socket = await ConnectAsync();
        await InitAsync(socket);
        await SendAsync(socket, Subscribe("dup", "subscription { serverTime }"));
        await SendAsync(socket, Subscribe("dup", "subscription { serverTime }"));
        (await ExpectCloseAsync(socket)).ShouldBe(4409);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"type\":\"unknown\"}")]
    [InlineData("{\"type\":\"subscribe\",\"id\":\"x\"}")]
    public async Task MalformedMessage_Closes4400(string text)
    {
        using var socket = await ConnectAsync();
        await InitAsync(socket);
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        (await ExpectCloseAsync(socket)).ShouldBe(4400);
    }

    private async Task<ClientWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri($"ws://{server.BaseUrl.Authority}/graphql"), CancellationToken.None);
        socket.SubProtocol.ShouldBe("graphql-transport-ws");
        return socket;
    }

    private static async Task InitAsync(ClientWebSocket socket)
    {
        await SendAsync(socket, new JsonObject { ["type"] = "connection_init" });
        (await ReceiveAsync(socket))!["type"]!.GetValue<string>().ShouldBe("connection_ack");
    }

    private static JsonObject Subscribe(string id, string query) =>
        new() { ["type"] = "subscribe", ["id"] = id, ["payload"] = new JsonObject { ["query"] = query } };

    private static Task SendAsync(ClientWebSocket socket, JsonNode message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonNode?> ReceiveAsync(ClientWebSocket socket)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        var result = await socket.ReceiveAsync(buffer, deadline.Token);
        result.MessageType.ShouldBe(WebSocketMessageType.Text, $"closed with {socket.CloseStatus} {socket.CloseStatusDescription}");
        return JsonNode.Parse(buffer.AsSpan(0, result.Count));
    }

    private static async Task<int> ExpectCloseAsync(ClientWebSocket socket)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, deadline.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (int)result.CloseStatus!.Value;
            }
        }
    }
}
