namespace Drm.TestUtils;

/// <summary>Finds the repository root (the folder holding Drm.sln) and the read-only shared material beside it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The <c>shared/</c> folder beside the repository (development and CI data; never copied into the project).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Drm.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Drm.sln not found above " + AppContext.BaseDirectory);
    }
}
