using System.Text.Json;
using System.Threading.Channels;
using Drm.GraphQL.Execution;
using GraphQL;
using GraphQL.Transport;

namespace Drm.GraphQL.Transport;

public sealed partial class WebSocketSession
{
    private async Task RunOperationAsync(string id, GraphQLRequest request, CancellationTokenSource operation)
    {
        var token = operation.Token;
        try
        {
            var (parsed, syntaxError) = ParsedRequest.Parse(request);
            if (parsed is null)
            {
                await SendErrorAsync(id, new ExecutionResult { Errors = [syntaxError!] });
                return;
            }

            var result = await runner.ExecuteAsync(request, parsed.Document, _caller, http.RequestServices, token);
            if (!result.Executed)
            {
                await SendErrorAsync(id, result);
                return;
            }

            if (result.Streams is { Count: > 0 } streams)
            {
                await PumpAsync(id, streams.Values.First(), token);
            }
            else
            {
                await SendNextAsync(id, result);
            }

            if (!token.IsCancellationRequested)
            {
                await SendAsync($"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"complete\"}}");
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client completed the operation or the connection closed.
        }
        catch (Exception e)
        {
            logger.LogError(e, "GraphQL operation {Id} failed", id);
            await CloseAsync(WebSocketCloseCodes.InternalServerError, "Internal server error");
        }
        finally
        {
            if (_operations.TryGetValue(id, out var current) && ReferenceEquals(current, operation))
            {
                _operations.TryRemove(id, out _);
            }

            operation.Dispose();
        }
    }

    // Events arrive on timer and engine threads; a channel hands them to this operation's single writer.
    private async Task PumpAsync(string id, IObservable<ExecutionResult> stream, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<ExecutionResult?>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = stream.Subscribe(new ChannelObserver(channel.Writer));
        await foreach (var next in channel.Reader.ReadAllAsync(cancellationToken))
        {
            if (next is null)
            {
                return;
            }

            await SendNextAsync(id, next);
        }
    }

    private Task SendNextAsync(string id, ExecutionResult result) =>
        SendAsync($"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"next\",\"payload\":{serializer.Serialize(result)}}}");

    // An "error" message carries the bare list of GraphQL errors.
    private Task SendErrorAsync(string id, ExecutionResult result)
    {
        using var document = JsonDocument.Parse(serializer.Serialize(new ExecutionResult { Errors = result.Errors }));
        var errors = document.RootElement.TryGetProperty("errors", out var list) ? list.GetRawText() : "[]";
        return SendAsync($"{{\"id\":{JsonSerializer.Serialize(id)},\"type\":\"error\",\"payload\":{errors}}}");
    }
}
