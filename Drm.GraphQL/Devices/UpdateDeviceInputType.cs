using Drm.Engine.Devices;
using Drm.GraphQL.Relay;
using GraphQL.Types;

namespace Drm.GraphQL.Devices;

public sealed class UpdateDeviceInputType : InputObjectGraphType<UpdateDeviceInput>
{
    public UpdateDeviceInputType()
    {
        Name = "UpdateDeviceInput";
        Description = "Omitted fields stay as they are.";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<StringGraphType>("name");
        Field<StringGraphType>("address");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("tags").Description("Replaces all tags.");
        Field<StringGraphType>("description").Description("An empty string clears it.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) => new UpdateDeviceInput(
        GlobalId.Decode(value["id"], DeviceType.TypeName),
        value.TryGetValue("name", out var name) ? (string?)name : null,
        value.TryGetValue("address", out var address) ? (string?)address : null,
        value.TryGetValue("tags", out var tags) && tags is IEnumerable<object?> list ? list.Select(t => (string)t!).ToArray() : null,
        value.TryGetValue("description", out var description) ? (string?)description : null);
}
