using Drm.Engine.WebPa;
using GraphQL.Types;

namespace Drm.GraphQL.WebPa;

// The two WebPA enqueue inputs share one file, as the SNMP ones do.

public sealed class EnqueueWebPaGetInputType : InputObjectGraphType
{
    public EnqueueWebPaGetInputType()
    {
        Name = "EnqueueWebpaGetInput";
        Field<NonNullGraphType<IdGraphType>>("deviceId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("names")
            .Description($"Up to {WebPaService.MaxNames} parameter paths (Device.DeviceInfo.UpTime) or object paths ending in '.' (Device.WiFi.SSID.1.), read in one request.");
    }
}

public sealed class EnqueueWebPaSetInputType : InputObjectGraphType
{
    public EnqueueWebPaSetInputType()
    {
        Name = "EnqueueWebpaSetInput";
        Field<NonNullGraphType<IdGraphType>>("deviceId");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebPaParameterInputType>>>>("parameters")
            .Description($"Up to {WebPaService.MaxSetParameters} parameters, set in one request: the device applies all or none.");
        Field<BooleanGraphType>("force")
            .Description("Send values the TR-181 catalog refuses (unknown, not writable, wrong type, out of range…). Default false: such a set is refused with BAD_USER_INPUT listing every error.");
    }
}
