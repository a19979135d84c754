namespace Drm.GraphQL.Tests;

/// <summary>A tenant created through the API, with a token for each role.</summary>
public sealed record TestTenant(string Slug, string Id, string AdminToken, string OperatorToken, string ViewerToken);
