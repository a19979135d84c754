using GraphQL;
using GraphQL.Execution;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Drm.GraphQL.Execution;

/// <summary>A request whose document parsed, with the operation it selects (when that is unambiguous).</summary>
public sealed record ParsedRequest(GraphQLRequest Request, GraphQLDocument Document, OperationType? OperationType)
{
    /// <summary>Parses the document once; the executer reuses it. A syntax error comes back as an execution error.</summary>
    public static (ParsedRequest? Parsed, ExecutionError? Error) Parse(GraphQLRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(request.Query ?? "", new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = 128 });
        }
        catch (GraphQLSyntaxErrorException e)
        {
            return (null, new SyntaxError(e));
        }
        catch (GraphQLMaxDepthExceededException)
        {
            return (null, new ExecutionError("The document is nested too deeply.") { Code = "GRAPHQL_PARSE_FAILED" });
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        var operation = request.OperationName is { } name
            ? operations.FirstOrDefault(o => o.Name?.StringValue == name)
            : operations.Count == 1 ? operations[0] : null;
        return (new ParsedRequest(request, document, operation?.Operation), null);
    }
}
