using GraphQL.Types;

namespace Drm.GraphQL.Users;

public sealed class LoginPayloadType : ObjectGraphType<LoginPayload>
{
    public LoginPayloadType()
    {
        Name = "LoginPayload";
        Field(p => p.Token).Description("Send it as 'Authorization: Bearer <token>', or in connection_init over WebSocket.");
        Field(p => p.ExpiresAt);
        Field<NonNullGraphType<UserType>>("user").Resolve(c => c.Source.User);
    }
}
