namespace Drm.Engine.Paging;

/// <summary>A forward page: at most <see cref="First"/> items after the opaque cursor <see cref="After"/>.</summary>
public sealed record PageRequest(int First = PageRequest.DefaultSize, string? After = null)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    /// <summary>Checks the size and decodes the cursor; bad values are the caller's input errors.</summary>
    public (int Limit, KeysetCursor? After) Resolve()
    {
        if (First is < 0 or > MaxSize)
        {
            throw DrmException.BadInput($"'first' must be between 0 and {MaxSize}.");
        }

        if (After is null)
        {
            return (First, null);
        }

        return KeysetCursor.TryDecode(After, out var cursor)
            ? (First, cursor)
            : throw DrmException.BadInput("'after' is not a cursor this API issued.");
    }
}
