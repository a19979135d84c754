using Drm.Engine.Users;

namespace Drm.GraphQL.Users;

public sealed record LoginPayload(string Token, DateTimeOffset ExpiresAt, User User);
