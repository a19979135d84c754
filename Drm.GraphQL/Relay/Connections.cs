using Drm.Engine.Paging;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;
using GraphQL.Types.Relay.DataObjects;

namespace Drm.GraphQL.Relay;

/// <summary>Relay connections over the engine's keyset pages.</summary>
public static class Connections
{
    public static Connection<T> From<T>(Page<T> page)
    {
        var edges = page.Items.Select((item, i) => new Edge<T> { Node = item, Cursor = page.Cursors[i] }).ToList();
        return new Connection<T>
        {
            Edges = edges,
            TotalCount = checked((int)page.TotalCount),
            PageInfo = new PageInfo
            {
                HasNextPage = page.HasNextPage,
                HasPreviousPage = page.HasPreviousPage,
                StartCursor = edges.FirstOrDefault()?.Cursor,
                EndCursor = edges.LastOrDefault()?.Cursor,
            },
        };
    }

    /// <summary>Adds the forward paging arguments <c>first</c> and <c>after</c>.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field) =>
        field
            .Argument<IntGraphType>("first", a => a.Description = $"At most this many items (default {PageRequest.DefaultSize}, max {PageRequest.MaxSize}).")
            .Argument<StringGraphType>("after", a => a.Description = "Return items after this cursor (pageInfo.endCursor).");

    public static PageRequest ToPageRequest(this global::GraphQL.IResolveFieldContext context) =>
        new(context.GetArgument("first", PageRequest.DefaultSize), context.GetArgument<string?>("after"));
}
