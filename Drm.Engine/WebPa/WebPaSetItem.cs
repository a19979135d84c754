using Drm.Protocols.WebPa;

namespace Drm.Engine.WebPa;

/// <summary>A parameter to set over WebPA; without a data type, the TR-181 catalog's type of the parameter is sent.</summary>
public sealed record WebPaSetItem(string Name, string Value, WebPaDataType? DataType = null);
