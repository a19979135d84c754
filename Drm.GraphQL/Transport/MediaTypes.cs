using Microsoft.Net.Http.Headers;

namespace Drm.GraphQL.Transport;

public static class MediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string EventStream = "text/event-stream";
    public const string MultipartForm = "multipart/form-data";

    /// <summary>What the client accepts, in the order we prefer to answer; null when it accepts nothing we produce.</summary>
    public static string? Negotiate(IList<MediaTypeHeaderValue> accept, bool sseEnabled)
    {
        if (accept.Count == 0)
        {
            // GraphQL over HTTP §7.3: without Accept, answer application/json for legacy clients.
            return Json;
        }

        var accepted = accept.Where(a => a.Quality is null or > 0).Select(a => a.MediaType.Value?.ToLowerInvariant()).ToList();
        if (accepted.Contains(GraphQLResponse))
        {
            return GraphQLResponse;
        }

        if (accepted.Contains(Json))
        {
            return Json;
        }

        if (sseEnabled && accepted.Contains(EventStream))
        {
            return EventStream;
        }

        return accepted.Any(a => a is "*/*" or "application/*") ? Json : null;
    }
}
