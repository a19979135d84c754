using Npgsql;

namespace Drm.Engine.Paging;

/// <summary>Reads a keyset page: the query asks for one row more than the limit to learn whether another page follows.</summary>
internal static class PageBuilder
{
    public static async Task<Page<T>> ReadAsync<T>(
        NpgsqlCommand command,
        int limit,
        bool hasPrevious,
        long total,
        Func<NpgsqlDataReader, T> map,
        Func<T, KeysetCursor> cursorOf,
        CancellationToken cancellationToken)
    {
        var items = new List<T>(Math.Min(limit + 1, PageRequest.MaxSize + 1));
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                items.Add(map(reader));
            }
        }

        var hasNext = items.Count > limit;
        if (hasNext)
        {
            items.RemoveAt(items.Count - 1);
        }

        return new Page<T>(items, items.Select(i => cursorOf(i).Encode()).ToArray(), hasNext, hasPrevious, total);
    }
}
