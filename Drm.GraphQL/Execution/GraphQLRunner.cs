using Drm.Engine.Tenancy;
using Drm.GraphQL.Schema;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;

namespace Drm.GraphQL.Execution;

/// <summary>Executes one GraphQL request for a caller; every transport (HTTP, SSE, WebSocket) goes through here.</summary>
public sealed class GraphQLRunner(IDocumentExecuter<DrmSchema> executer)
{
    public Task<ExecutionResult> ExecuteAsync(
        GraphQLRequest request,
        GraphQLDocument document,
        TenantContext? caller,
        IServiceProvider requestServices,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return executer.ExecuteAsync(new ExecutionOptions
        {
            Query = request.Query,
            Document = document,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            UserContext = new DrmUserContext { Caller = caller },
            RequestServices = requestServices,
            CancellationToken = cancellationToken,
        });
    }
}
