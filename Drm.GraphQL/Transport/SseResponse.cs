using System.Text;
using System.Threading.Channels;
using GraphQL;

namespace Drm.GraphQL.Transport;

/// <summary>
/// Writes one operation as a graphql-sse "distinct connections" stream: <c>event: next</c> per result, then
/// <c>event: complete</c>. Comment lines keep idle streams alive through proxies.
/// </summary>
public sealed class SseResponse(HttpContext http, IGraphQLTextSerializer serializer)
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(12);

    public async Task StreamAsync(ExecutionResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = MediaTypes.EventStream + "; charset=utf-8";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        await http.Response.Body.FlushAsync(cancellationToken);

        if (result.Streams is not { Count: > 0 } streams)
        {
            await WriteEventAsync("next", serializer.Serialize(result), cancellationToken);
            await WriteEventAsync("complete", "", cancellationToken);
            return;
        }

        // Stream events arrive on timer and engine threads; a channel hands them to this request's single writer.
        var channel = Channel.CreateUnbounded<ExecutionResult?>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = streams.Values.First().Subscribe(new ChannelObserver(channel.Writer));
        using var keepAlive = new PeriodicTimer(KeepAlive);
        var tick = keepAlive.WaitForNextTickAsync(cancellationToken).AsTask();
        try
        {
            while (true)
            {
                var read = channel.Reader.WaitToReadAsync(cancellationToken).AsTask();
                if (await Task.WhenAny(read, tick) == tick)
                {
                    await tick;
                    await WriteRawAsync(":\n\n", cancellationToken);
                    tick = keepAlive.WaitForNextTickAsync(cancellationToken).AsTask();
                    continue;
                }

                if (!await read)
                {
                    break;
                }

                while (channel.Reader.TryRead(out var next))
                {
                    if (next is null)
                    {
                        await WriteEventAsync("complete", "", cancellationToken);
                        return;
                    }

                    await WriteEventAsync("next", serializer.Serialize(next), cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: nothing to finish.
        }
    }

    private Task WriteEventAsync(string name, string data, CancellationToken cancellationToken) =>
        WriteRawAsync($"event: {name}\ndata: {data}\n\n", cancellationToken);

    private async Task WriteRawAsync(string text, CancellationToken cancellationToken)
    {
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }
}
