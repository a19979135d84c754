using System.Xml;
using System.Xml.Linq;

namespace Drm.Mib.Tr181;

/// <summary>A data-model document that cannot be read as the cwmp-datamodel schema describes; the message says where.</summary>
public sealed class Tr181FormatException(string message, Exception? innerException = null) : Exception(message, innerException)
{
    public static Tr181FormatException At(XElement element, string message) =>
        ((IXmlLineInfo)element).HasLineInfo() ? new($"Line {((IXmlLineInfo)element).LineNumber}: {message}") : new(message);
}
