using Drm.Engine.Credentials;
using GraphQL.Types;

namespace Drm.GraphQL.Credentials;

public sealed class EndpointAuthInputType : InputObjectGraphType<EndpointAuthInput>
{
    public EndpointAuthInputType()
    {
        Name = "EndpointAuthInput";
        Description = "A secret left out keeps the stored one while the type stays the same.";
        Field<NonNullGraphType<EndpointAuthKindType>>("type");
        Field<StringGraphType>("username").Description("BASIC.");
        Field<StringGraphType>("password").Description("BASIC; write-only.");
        Field<StringGraphType>("token").Description("BEARER; write-only.");
        Field<StringGraphType>("apiKey").Description("API_KEY; write-only.");
        Field<StringGraphType>("headerName").Description("API_KEY header, default X-API-Key.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new EndpointAuthInput(
        (string)value["type"]!,
        value.Text("username"),
        value.Text("password"),
        value.Text("token"),
        value.Text("apiKey"),
        value.Text("headerName"));
}
