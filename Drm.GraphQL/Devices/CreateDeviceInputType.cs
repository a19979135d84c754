using Drm.Engine.Devices;
using GraphQL.Types;

namespace Drm.GraphQL.Devices;

public sealed class CreateDeviceInputType : InputObjectGraphType<CreateDeviceInput>
{
    public CreateDeviceInputType()
    {
        Name = "CreateDeviceInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Unique within the tenant.");
        Field<NonNullGraphType<StringGraphType>>("address").Description("Host name, IPv4 or IPv6 address.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags");
        Field<StringGraphType>("description");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new CreateDeviceInput(
        (string)value["name"]!,
        (string)value["address"]!,
        value.TryGetValue("tags", out var tags) && tags is IEnumerable<object?> list ? list.Select(t => (string)t!).ToArray() : null,
        value.TryGetValue("description", out var description) ? (string?)description : null);
}
