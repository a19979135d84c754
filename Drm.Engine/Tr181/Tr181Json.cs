using System.Text.Json;
using System.Text.Json.Serialization;

namespace Drm.Engine.Tr181;

/// <summary>How the model's records are stored in <c>tr181_parameters.details</c>.</summary>
internal static class Tr181Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
