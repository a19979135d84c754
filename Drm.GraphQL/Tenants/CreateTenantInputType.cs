using Drm.Engine.Tenants;
using GraphQL.Types;

namespace Drm.GraphQL.Tenants;

public sealed class CreateTenantInputType : InputObjectGraphType<CreateTenantInput>
{
    public CreateTenantInputType()
    {
        Name = "CreateTenantInput";
        Field<NonNullGraphType<StringGraphType>>("slug").Description("1–63 lower-case letters, digits and dashes.");
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<StringGraphType>("adminEmail").Description("Also create the tenant's first admin with this email.");
        Field<StringGraphType>("adminPassword").Description("The first admin's password (8–256 characters).");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new CreateTenantInput(
        (string)value["slug"]!,
        (string)value["name"]!,
        value.TryGetValue("adminEmail", out var email) ? (string?)email : null,
        value.TryGetValue("adminPassword", out var password) ? (string?)password : null);
}
