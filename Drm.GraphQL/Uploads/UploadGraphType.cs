using GraphQL.Types;
using GraphQLParser.AST;

namespace Drm.GraphQL.Uploads;

/// <summary>
/// The <c>Upload</c> scalar of the GraphQL multipart request specification: a variable the transport filled with a
/// file part of the request. It has no literal form and is never returned.
/// </summary>
public sealed class UploadGraphType : ScalarGraphType
{
    public UploadGraphType()
    {
        Name = "Upload";
        Description = "A file sent as a part of a multipart/form-data request (the GraphQL multipart request specification).";
    }

    public override object? ParseValue(object? value) => value switch
    {
        UploadedFile or null => value,
        _ => throw new InvalidOperationException("An Upload variable is filled from a file part of a multipart request; send the request as multipart/form-data with 'operations' and 'map'."),
    };

    public override object? ParseLiteral(GraphQLValue value) =>
        value is GraphQLNullValue ? null : throw new InvalidOperationException("An Upload cannot be written in the document; pass it as a variable of a multipart request.");

    public override object? Serialize(object? value) => throw new InvalidOperationException("Upload is an input type only.");
}
