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

    /// <summary>
    /// The request's batch loader named <paramref name="name"/>, made on first use: resolvers of one field across a
    /// list share it and the list's values are read at once (see <see cref="BatchLoader{TKey, TValue}"/>).
    /// </summary>
    public static BatchLoader<Guid, T> Batch<T>(
        this IResolveFieldContext context,
        string name,
        Func<IReadOnlyCollection<Guid>, CancellationToken, Task<IReadOnlyDictionary<Guid, T>>> fetch)
        where T : class
    {
        var bag = context.UserContext as DrmUserContext
            ?? throw new InvalidOperationException("Batch loaders live in the DrmUserContext of a request.");
        lock (bag)
        {
            if (!bag.TryGetValue(name, out var loader))
            {
                bag[name] = loader = new BatchLoader<Guid, T>(fetch);
            }

            return (BatchLoader<Guid, T>)loader!;
        }
    }
}
