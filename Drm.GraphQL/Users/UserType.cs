using Drm.Engine.Users;
using Drm.GraphQL.Relay;
using Drm.GraphQL.Tenants;
using GraphQL.Types;

namespace Drm.GraphQL.Users;

public sealed class UserType : ObjectGraphType<User>
{
    public const string TypeName = "User";

    public UserType()
    {
        Name = TypeName;
        Interface<NodeInterface>();
        IsTypeOf = o => o is User;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<IdGraphType>>("tenantId").Resolve(c => GlobalId.Encode(TenantType.TypeName, c.Source.TenantId));
        Field(u => u.Email);
        Field(u => u.DisplayName, nullable: true);
        Field<NonNullGraphType<UserRoleType>>("role").Resolve(c => c.Source.Role);
        Field(u => u.CreatedAt);
        Field(u => u.UpdatedAt);
    }
}
