using Microsoft.AspNetCore.Identity;

namespace Drm.Engine.Users;

/// <summary>ASP.NET Core Identity's PBKDF2 password hasher (format v3), plus our password rules.</summary>
public static class PasswordHashing
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 256;

    private static readonly PasswordHasher<User> Hasher = new();

    // A fixed hash to verify against when the user does not exist, so a wrong email costs as long as a wrong password.
    private static readonly string DummyHash = Hasher.HashPassword(null!, "not-a-real-password-" + Guid.NewGuid());

    public static string Hash(string password)
    {
        Validate(password);
        return Hasher.HashPassword(null!, password);
    }

    public static bool Verify(string? hash, string password)
    {
        var result = Hasher.VerifyHashedPassword(null!, hash ?? DummyHash, password);
        return hash is not null && result != PasswordVerificationResult.Failed;
    }

    public static void Validate(string password)
    {
        if (password.Length is < MinimumLength or > MaximumLength)
        {
            throw DrmException.BadInput($"A password is {MinimumLength} to {MaximumLength} characters.");
        }
    }
}
