using Drm.Engine;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;

namespace Drm.GraphQL.Execution;

/// <summary>
/// Gives every error one stable <c>extensions.code</c>: the engine's codes for its own failures, <c>BAD_USER_INPUT</c>
/// for values that do not fit their types, <c>GRAPHQL_PARSE_FAILED</c> / <c>GRAPHQL_VALIDATION_FAILED</c> for bad
/// documents, and <c>INTERNAL</c> (with a generic message) for anything unexpected.
/// </summary>
public sealed class DrmErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeCodes = false })
{
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        var info = base.GetInfo(executionError);
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        extensions.Remove("details");
        var drm = FindDrmException(executionError);
        string code;
        var message = info.Message;
        if (drm is not null)
        {
            code = CodeOf(drm.Code);
            message = drm.Message;
        }
        else
        {
            code = executionError switch
            {
                InvalidVariableError => "BAD_USER_INPUT",
                ValidationError { Code: "ARGUMENTS_OF_CORRECT_TYPE" } => "BAD_USER_INPUT",
                ValidationError => ValidationFailed,
                global::GraphQL.Execution.SyntaxError => ParseFailed,
                UnhandledError => "INTERNAL",
                _ => executionError.Code ?? "INTERNAL",
            };
            if (code == "INTERNAL")
            {
                message = "Internal server error.";
            }
        }

        extensions["code"] = code;
        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    public static string CodeOf(DrmErrorCode code) => code switch
    {
        DrmErrorCode.BadUserInput => "BAD_USER_INPUT",
        DrmErrorCode.NotFound => "NOT_FOUND",
        DrmErrorCode.Forbidden => "FORBIDDEN",
        DrmErrorCode.Unauthenticated => "UNAUTHENTICATED",
        _ => "INTERNAL",
    };

    private static DrmException? FindDrmException(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is DrmException drm)
            {
                return drm;
            }
        }

        return null;
    }
}
