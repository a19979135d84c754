using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using GraphQL.Transport;
using Drm.GraphQL.Transport;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Drm.GraphQL.Uploads;

/// <summary>
/// Reads a GraphQL multipart request (the specification HotChocolate and Apollo follow): an <c>operations</c> part
/// with the request, a <c>map</c> part naming for each file part the variables it fills, then the files. Files are
/// read into memory within <see cref="MaxBytes"/>; every fault is a request error with the reason.
/// </summary>
public sealed class MultipartRequestReader(RequestReader reader)
{
    /// <summary>The whole request at most (<c>UPLOAD_MAX_BYTES</c>): what each upload accepts is checked again by its mutation.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    public const int MaxFiles = 32;

    public async Task<(GraphQLRequest? Request, string? Error)> ReadAsync(HttpRequest http, MediaTypeHeaderValue contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(contentType);
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            return (null, "The multipart request has no boundary.");
        }

        var multipart = new MultipartReader(boundary, http.Body) { BodyLengthLimit = MaxBytes };
        JsonObject? operations = null;
        Dictionary<string, string[]>? map = null;
        var files = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);
        try
        {
            while (await multipart.ReadNextSectionAsync(cancellationToken).ConfigureAwait(false) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) ||
                    !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    return (null, "Every part of a multipart request needs 'Content-Disposition: form-data; name=…'.");
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                switch (name)
                {
                    case "operations" when operations is null:
                        var node = await JsonNode.ParseAsync(section.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
                        if (node is JsonArray)
                        {
                            return (null, "Batched operations are not supported; send one operation per request.");
                        }

                        operations = node as JsonObject ?? throw new JsonException("'operations' must be a JSON object.");
                        break;
                    case "map" when operations is not null && map is null:
                        map = await JsonSerializer.DeserializeAsync<Dictionary<string, string[]>>(section.Body, cancellationToken: cancellationToken)
                                  .ConfigureAwait(false)
                              ?? throw new JsonException("'map' must be a JSON object.");
                        if (map.Count > MaxFiles)
                        {
                            return (null, $"At most {MaxFiles} files per request.");
                        }

                        break;
                    case "operations" or "map":
                        return (null, "A multipart request has 'operations' first, then 'map', each once, then the files.");
                    default:
                        if (map is null)
                        {
                            return (null, "A multipart request has 'operations' first, then 'map', then the files.");
                        }

                        if (!map.ContainsKey(name) || files.ContainsKey(name))
                        {
                            return (null, $"The file part '{name}' is not named in 'map' (or comes twice).");
                        }

                        using (var buffer = new MemoryStream())
                        {
                            await section.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
                            files[name] = new UploadedFile(
                                HeaderUtilities.RemoveQuotes(disposition.FileName).Value ?? HeaderUtilities.RemoveQuotes(disposition.FileNameStar).Value ?? name,
                                section.ContentType,
                                buffer.ToArray());
                        }

                        break;
                }
            }
        }
        catch (InvalidDataException e)
        {
            return (null, $"The multipart request is malformed or larger than {MaxBytes:N0} bytes: {e.Message}");
        }
        catch (JsonException e)
        {
            return (null, "'operations' and 'map' must be JSON: " + e.Message);
        }

        if (operations is null || map is null)
        {
            return (null, "A multipart request needs an 'operations' part and a 'map' part.");
        }

        var missing = map.Keys.FirstOrDefault(k => !files.ContainsKey(k));
        if (missing is not null)
        {
            return (null, $"'map' names the file part '{missing}', which the request does not carry.");
        }

        var (request, error) = reader.FromJson(JsonSerializer.SerializeToElement(operations));
        if (request is null)
        {
            return (null, error);
        }

        var variables = request.Variables?.ToDictionary(kv => kv.Key, kv => kv.Value) ?? [];
        foreach (var (key, paths) in map)
        {
            foreach (var path in paths)
            {
                var parts = path.Split('.');
                if (parts.Length < 2 || parts[0] != "variables")
                {
                    return (null, $"'map' path '{path}' must start with 'variables.'.");
                }

                if (!TryPlace(variables, parts, 1, files[key], out var placed))
                {
                    return (null, $"'map' path '{path}' does not lead to a null in 'variables'.");
                }

                variables = (Dictionary<string, object?>)placed!;
            }
        }

        request.Variables = variables.ToInputs();
        return (request, null);
    }

    // Puts the file where the path leads, copying the dictionaries and lists on the way; the spot must hold null.
    private static bool TryPlace(object? node, string[] path, int at, UploadedFile file, out object? result)
    {
        result = null;
        if (at == path.Length)
        {
            result = file;
            return node is null;
        }

        switch (node)
        {
            case IReadOnlyDictionary<string, object?> dictionary when dictionary.TryGetValue(path[at], out var child):
                if (!TryPlace(child, path, at + 1, file, out var placed))
                {
                    return false;
                }

                var copy = dictionary.ToDictionary(kv => kv.Key, kv => kv.Value);
                copy[path[at]] = placed;
                result = copy;
                return true;
            case IList<object?> list when int.TryParse(path[at], out var index) && index >= 0 && index < list.Count:
                if (!TryPlace(list[index], path, at + 1, file, out var placedItem))
                {
                    return false;
                }

                var items = list.ToList();
                items[index] = placedItem;
                result = items;
                return true;
            default:
                return false;
        }
    }
}
