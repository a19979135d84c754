using System.Threading.Channels;
using GraphQL;

namespace Drm.GraphQL.Transport;

/// <summary>
/// Hands a subscription's results to one writer: events arrive on timer and engine threads, while a socket or a
/// response stream takes one writer at a time. Null marks the end of the stream.
/// </summary>
internal sealed class ChannelObserver(ChannelWriter<ExecutionResult?> writer) : IObserver<ExecutionResult>
{
    public void OnNext(ExecutionResult value) => writer.TryWrite(value);

    public void OnError(Exception error) =>
        writer.TryWrite(new ExecutionResult { Errors = [new ExecutionError("The event stream failed.", error)] });

    public void OnCompleted() => writer.TryWrite(null);
}
