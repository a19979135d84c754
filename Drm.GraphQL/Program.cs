using Drm.GraphQL.Cli;

return await DrmCommandLine.RunAsync(args);

/// <summary>The entry point; public for test hosts.</summary>
public partial class Program;
