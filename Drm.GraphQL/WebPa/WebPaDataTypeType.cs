using Drm.Protocols.WebPa;
using GraphQL.Types;

namespace Drm.GraphQL.WebPa;

public sealed class WebPaDataTypeType : EnumerationGraphType
{
    public WebPaDataTypeType()
    {
        Name = "WebpaDataType";
        Description = "The WDMP dataType WebPA sends with a value.";
        Add("STRING", WebPaDataType.String);
        Add("INT", WebPaDataType.Int);
        Add("UNSIGNED_INT", WebPaDataType.UnsignedInt);
        Add("BOOLEAN", WebPaDataType.Boolean);
        Add("DATE_TIME", WebPaDataType.DateTime);
        Add("BASE64", WebPaDataType.Base64);
        Add("LONG", WebPaDataType.Long);
        Add("UNSIGNED_LONG", WebPaDataType.UnsignedLong);
        Add("FLOAT", WebPaDataType.Float);
        Add("DOUBLE", WebPaDataType.Double);
        Add("BYTE", WebPaDataType.Byte);
    }
}
