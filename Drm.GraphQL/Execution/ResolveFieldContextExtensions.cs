using Drm.Engine;
using Drm.Engine.Tenancy;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Drm.GraphQL.Execution;

public static class ResolveFieldContextExtensions
{
    /// <summary>The signed-in caller; fields that touch tenant data fail with <c>UNAUTHENTICATED</c> without one.</summary>
    public static TenantContext Caller(this IResolveFieldContext context) =>
        (context.UserContext as DrmUserContext)?.Caller
        ?? throw new DrmException(DrmErrorCode.Unauthenticated, "Sign in first: send 'Authorization: Bearer <token>' (see the login mutation).");

    public static T Service<T>(this IResolveFieldContext context)
        where T : notnull => context.RequestServices!.GetRequiredService<T>();
}
