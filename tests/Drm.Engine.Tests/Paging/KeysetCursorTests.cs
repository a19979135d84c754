using Drm.Engine.Paging;

namespace Drm.Engine.Tests.Paging;

public sealed class KeysetCursorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("edge-1")]
    [InlineData("naïve ✓ name")]
    public void Encode_ThenDecode_RoundTrips(string key)
    {
        var cursor = new KeysetCursor(key, Guid.NewGuid());

        KeysetCursor.TryDecode(cursor.Encode(), out var decoded).ShouldBeTrue();

        decoded.ShouldBe(cursor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("aGVsbG8")]
    public void TryDecode_Garbage_ReturnsFalse(string text) => KeysetCursor.TryDecode(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData(-1)]
    [InlineData(501)]
    public void Resolve_SizeOutOfRange_IsBadUserInput(int first) =>
        Should.Throw<DrmException>(() => new PageRequest(first).Resolve()).Code.ShouldBe(DrmErrorCode.BadUserInput);
}
