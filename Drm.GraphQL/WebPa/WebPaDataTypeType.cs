using Drm.Protocols.WebPa;
using GraphQL.Types;

namespace Drm.GraphQL.WebPa;

public sealed class WebPaDataTypeType : EnumerationGraphType<WebPaDataType>
{
    public WebPaDataTypeType()
    {
        Name = "WebpaDataType";
        Description = "The WDMP dataType WebPA sends with a value.";
    }
}
