using Drm.Engine.Users;
using Drm.GraphQL.Relay;
using GraphQL.Types;

namespace Drm.GraphQL.Users;

public sealed class UpdateUserInputType : InputObjectGraphType<UpdateUserInput>
{
    public UpdateUserInputType()
    {
        Name = "UpdateUserInput";
        Description = "Omitted fields stay as they are.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("email");
        Field<StringGraphType>("displayName").Description("An empty string clears it.");
        Field<UserRoleType>("role").Description("Admins only.");
        Field<StringGraphType>("password");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new UpdateUserInput(
        GlobalId.Decode(value["id"], UserType.TypeName),
        value.TryGetValue("email", out var email) ? (string?)email : null,
        value.TryGetValue("displayName", out var name) ? (string?)name : null,
        value.TryGetValue("role", out var role) ? (UserRole?)role : null,
        value.TryGetValue("password", out var password) ? (string?)password : null);
}
