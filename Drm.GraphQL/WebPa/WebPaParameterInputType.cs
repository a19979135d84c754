using Drm.Engine.WebPa;
using Drm.Protocols.WebPa;
using GraphQL.Types;

namespace Drm.GraphQL.WebPa;

public sealed class WebPaParameterInputType : InputObjectGraphType<WebPaSetItem>
{
    public WebPaParameterInputType()
    {
        Name = "WebpaParameterInput";
        Field<NonNullGraphType<StringGraphType>>("name").Description("Instance path, e.g. Device.WiFi.SSID.1.SSID.");
        Field<NonNullGraphType<StringGraphType>>("value");
        Field<WebPaDataTypeType>("dataType").Description("By default the parameter's type in the TR-181 catalog (STRING when it has none).");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new WebPaSetItem((string)value["name"]!, (string)value["value"]!, value.TryGetValue("dataType", out var type) ? (WebPaDataType?)type : null);
}
