using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace Drm.GraphQL.Transport;

/// <summary>
/// Reads GraphQL-over-HTTP request parameters strictly: the spec's <c>query</c>, <c>operationName</c>, <c>variables</c>
/// and <c>extensions</c>, with the types it requires. A violation is a request error (HTTP 400), not an execution error.
/// </summary>
public sealed class RequestReader(IGraphQLTextSerializer serializer)
{
    public (GraphQLRequest? Request, string? Error) FromJson(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, "The request body must be a JSON object.");
        }

        string? query = null, operationName = null, variables = null, extensions = null;
        foreach (var property in body.EnumerateObject())
        {
            switch (property.Name)
            {
                case "query":
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        return (null, "'query' must be a string.");
                    }

                    query = property.Value.GetString();
                    break;
                case "operationName":
                    if (property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        return (null, "'operationName' must be a string or null.");
                    }

                    operationName = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
                    break;
                case "variables":
                    if (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                    {
                        return (null, "'variables' must be an object or null.");
                    }

                    variables = property.Value.ValueKind == JsonValueKind.Object ? property.Value.GetRawText() : null;
                    break;
                case "extensions":
                    if (property.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                    {
                        return (null, "'extensions' must be an object or null.");
                    }

                    extensions = property.Value.ValueKind == JsonValueKind.Object ? property.Value.GetRawText() : null;
                    break;
            }
        }

        return Build(query, operationName, variables, extensions);
    }

    /// <summary>Reads GET parameters, where <c>variables</c> and <c>extensions</c> are URL-encoded JSON.</summary>
    public (GraphQLRequest? Request, string? Error) FromQueryString(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var variables = query["variables"].ToString();
        var extensions = query["extensions"].ToString();
        if (variables.Length > 0 && !IsJsonObjectOrNull(variables))
        {
            return (null, "'variables' must be a JSON object.");
        }

        if (extensions.Length > 0 && !IsJsonObjectOrNull(extensions))
        {
            return (null, "'extensions' must be a JSON object.");
        }

        var operationName = query["operationName"].ToString();
        return Build(
            query.TryGetValue("query", out var q) ? q.ToString() : null,
            operationName.Length > 0 ? operationName : null,
            variables.Length > 0 ? variables : null,
            extensions.Length > 0 ? extensions : null);
    }

    private (GraphQLRequest? Request, string? Error) Build(string? query, string? operationName, string? variables, string? extensions)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return (null, "The request has no 'query'.");
        }

        return (new GraphQLRequest
        {
            Query = query,
            OperationName = operationName,
            Variables = variables is null ? null : serializer.Deserialize<Inputs>(variables),
            Extensions = extensions is null ? null : serializer.Deserialize<Inputs>(extensions),
        }, null);
    }

    private static bool IsJsonObjectOrNull(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
