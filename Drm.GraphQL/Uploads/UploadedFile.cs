namespace Drm.GraphQL.Uploads;

/// <summary>A file sent with a GraphQL multipart request, read into memory (within the transport's limit).</summary>
public sealed record UploadedFile(string FileName, string? ContentType, byte[] Content);
