using Drm.Engine.Users;
using GraphQL.Types;

namespace Drm.GraphQL.Users;

public sealed class CreateUserInputType : InputObjectGraphType<CreateUserInput>
{
    public CreateUserInputType()
    {
        Name = "CreateUserInput";
        Field<NonNullGraphType<StringGraphType>>("email");
        Field<NonNullGraphType<StringGraphType>>("password").Description("8–256 characters.");
        Field<NonNullGraphType<UserRoleType>>("role");
        Field<StringGraphType>("displayName");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new CreateUserInput(
        (string)value["email"]!,
        (string)value["password"]!,
        (UserRole)value["role"]!,
        value.TryGetValue("displayName", out var name) ? (string?)name : null);
}
