namespace Fenquan.Data.Storage;

/// <summary>
/// Where Fenquan keeps its data: the SQLite file and uploads. The ledger signing key is kept apart
/// (see <see cref="KeyDirectory"/>), so a copy of this folder carries no usable key.
/// One rule for the command line and the web application: <c>--data DIR</c>, else the
/// environment variable <c>FENQUAN_DATA</c>, else <c>./data</c>.
/// </summary>
public sealed class DataDirectory
{
    public const string EnvironmentVariable = "FENQUAN_DATA";

    private DataDirectory(string root) => Root = root;

    public string Root { get; }

    public string DatabaseFile => Path.Combine(Root, "fenquan.db");

    public string UploadsFolder => Path.Combine(Root, "uploads");

    /// <summary>Chooses the folder by the rule above; does not create it.</summary>
    public static DataDirectory Resolve(string? option, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var chosen = !string.IsNullOrWhiteSpace(option) ? option
            : environment(EnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : "data";
        return new DataDirectory(Path.GetFullPath(chosen));
    }

    /// <summary>Creates the folder and its sub-folders if missing.</summary>
    public DataDirectory EnsureCreated()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(UploadsFolder);
        return this;
    }
}
