using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Drm.GraphQL.Tests.Jobs;

/// <summary>A minimal graphql-transport-ws client for tests that follow subscriptions.</summary>
public sealed class GraphQLWebSocket : IDisposable
{
    private readonly ClientWebSocket _socket = new();

    private GraphQLWebSocket()
    {
    }

    public static Task<GraphQLWebSocket> ConnectAsync(ServerFixture server, string token) => ConnectAsync(server.BaseUrl, token);

    public static async Task<GraphQLWebSocket> ConnectAsync(Uri baseUrl, string token)
    {
        var client = new GraphQLWebSocket();
        client._socket.Options.AddSubProtocol("graphql-transport-ws");
        await client._socket.ConnectAsync(new Uri($"ws://{baseUrl.Authority}/graphql"), CancellationToken.None);
        await client.SendAsync(new JsonObject { ["type"] = "connection_init", ["payload"] = new JsonObject { ["Authorization"] = "Bearer " + token } });
        (await client.ReceiveAsync())!["type"]!.GetValue<string>().ShouldBe("connection_ack");
        return client;
    }

    public Task SubscribeAsync(string id, string query, JsonObject? variables = null) => SendAsync(new JsonObject
    {
        ["type"] = "subscribe", ["id"] = id, ["payload"] = new JsonObject { ["query"] = query, ["variables"] = variables ?? new JsonObject() },
    });

    public Task CompleteAsync(string id) => SendAsync(new JsonObject { ["type"] = "complete", ["id"] = id });

    public Task SendAsync(JsonNode message) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task<JsonNode?> ReceiveAsync(TimeSpan? timeout = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        var buffer = new byte[256 * 1024];
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer.AsMemory(length), deadline.Token);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        result.MessageType.ShouldBe(WebSocketMessageType.Text, $"closed with {_socket.CloseStatus} {_socket.CloseStatusDescription}");
        return JsonNode.Parse(buffer.AsSpan(0, length));
    }

    /// <summary>Drops the connection without a close handshake, as a client that vanished.</summary>
    public void Abort() => _socket.Abort();

    public void Dispose() => _socket.Dispose();
}
