using System.Text.Json.Nodes;

namespace Drm.GraphQL.Tests;

public sealed record GraphQLResponse(int Status, JsonObject Body, string Raw)
{
    public JsonArray? Errors => Body["errors"] as JsonArray;

    /// <summary>The first error's <c>extensions.code</c>.</summary>
    public string? Code => Errors?[0]?["extensions"]?["code"]?.GetValue<string>();

    /// <summary>A field of <c>data</c>; fails the test with the raw body when the operation did not succeed.</summary>
    public JsonNode Data(string field)
    {
        Errors.ShouldBeNull(Raw);
        return Body["data"]?[field] ?? throw new ShouldAssertException($"data.{field} is missing: {Raw}");
    }
}
