namespace Fenquan.Core.Tests.Docs;

/// <summary>The repository's C# files under src/ and tests/, read from the working copy this test was built from.</summary>
public static class RepoSources
{
    /// <summary>The folder holding Fenquan.slnx, found by walking up from the test's output folder.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fenquan.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Fenquan.slnx was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every .cs file under src/ and tests/ except build output, with paths from the root.</summary>
    public static IReadOnlyList<RuleScanner.SourceFile> Read(string root) =>
        new[] { "src", "tests" }.SelectMany(top => Directory.EnumerateFiles(Path.Combine(root, top), "*.cs", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .Select(path => new RuleScanner.SourceFile(path, File.ReadAllText(Path.Combine(root, path))))
            .ToList();
}
