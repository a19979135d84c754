using Drm.Engine.Tenants;
using Drm.GraphQL.Relay;
using GraphQL.Types;

namespace Drm.GraphQL.Tenants;

public sealed class TenantType : ObjectGraphType<Tenant>
{
    public const string TypeName = "Tenant";

    public TenantType()
    {
        Name = TypeName;
        Description = "An operator organisation; its users, devices and data are invisible to every other tenant.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is Tenant;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field(t => t.Slug).Description("The short name used at login.");
        Field(t => t.Name);
        Field(t => t.CreatedAt);
        Field(t => t.UpdatedAt);
    }
}
