using NJsonSchema;
using Xunit;

namespace Fenquan.Testing.Ocds;

/// <summary>
/// The OCDS 1.1.5 release and release-package schemas (JSON Schema draft-04, copied from the shared
/// test data with their licence), read once by NJsonSchema, which supports draft-04. The package
/// schema's reference to the release schema's URL is pointed at the local copy: no network.
/// </summary>
public static class OcdsSchemas
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Ocds", "Schema");

    private static readonly Lazy<JsonSchema> ReleaseSchema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(Folder, "release-schema.json")).GetAwaiter().GetResult());

    private static readonly Lazy<JsonSchema> PackageSchema = new(() =>
    {
        var text = File.ReadAllText(Path.Combine(Folder, "release-package-schema.json"))
            .Replace("https://standard.open-contracting.org/schema/1__1__5/release-schema.json", "release-schema.json", StringComparison.Ordinal);
        return JsonSchema.FromJsonAsync(text, Path.Combine(Folder, "release-package-schema.json")).GetAwaiter().GetResult();
    });

    /// <summary>The schema's complaints about a release (empty when it is valid).</summary>
    public static IReadOnlyList<string> ReleaseErrors(string json) => [.. ReleaseSchema.Value.Validate(json).Select(e => e.ToString())];

    /// <summary>The schema's complaints about a release package (empty when it is valid).</summary>
    public static IReadOnlyList<string> ReleasePackageErrors(string json) => [.. PackageSchema.Value.Validate(json).Select(e => e.ToString())];

    public static void AssertValidRelease(string json) => Assert.Empty(ReleaseErrors(json));

    public static void AssertValidReleasePackage(string json) => Assert.Empty(ReleasePackageErrors(json));

    /// <summary>
    /// A record package: the 1.1.5 record-package schema is not among the shared test data, so its
    /// required fields are checked here and each record's compiled release against the release schema.
    /// </summary>
    public static void AssertValidRecordPackage(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        foreach (var field in new[] { "uri", "publisher", "publishedDate", "records", "version" })
        {
            Assert.True(root.TryGetProperty(field, out _), "a record package has " + field);
        }

        Assert.Equal("1.1", root.GetProperty("version").GetString());
        Assert.True(root.GetProperty("records").GetArrayLength() > 0);
        foreach (var record in root.GetProperty("records").EnumerateArray())
        {
            var ocid = record.GetProperty("ocid").GetString();
            Assert.True(record.GetProperty("releases").GetArrayLength() > 0);
            foreach (var linked in record.GetProperty("releases").EnumerateArray())
            {
                Assert.True(Uri.IsWellFormedUriString(linked.GetProperty("url").GetString(), UriKind.Absolute));
                Assert.True(linked.TryGetProperty("date", out _) && linked.TryGetProperty("tag", out _));
            }

            var compiled = record.GetProperty("compiledRelease");
            Assert.Equal(ocid, compiled.GetProperty("ocid").GetString());
            Assert.Equal("compiled", compiled.GetProperty("tag")[0].GetString());
            AssertValidRelease(compiled.GetRawText());
        }
    }
}
