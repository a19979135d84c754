namespace Drm.Protocols.WebPa;

/// <summary>A TR-181 parameter as WebPA carries it: full path, value as text and WDMP data type.</summary>
public sealed record WebPaParameter(string Name, string Value, WebPaDataType DataType);
