using Fenquan.Testing.Ocds;

namespace Fenquan.Cli.Tests;

/// <summary>R22: <c>fenquan export --ocds</c> writes each county's release packages and record packages, all valid OCDS 1.1.5.</summary>
public sealed partial class CliTests
{
    [Fact]
    [Trait("Rule", "R22")]
    public async Task ExportOcds_WritesTheDemosHandedOffPurchases_AsValidReleaseAndRecordPackages()
    {
        var (seeded, seedOutput) = await RunAsync("demo", "--data", _data, "--matters", "300");
        Assert.True(seeded == 0, seedOutput);
        var folder = Path.Combine(_data, "ocds");

        Assert.Equal(1, (await RunAsync("export", "--data", _data, "--ocds")).Exit);
        Assert.Equal(1, (await RunAsync("export", "--data", _data, "--ocds", "-o", folder, "--ocds-prefix", "ocds-TOOLONG")).Exit);
        var (exit, output) = await RunAsync("export", "--data", _data, "--ocds", "-o", folder, "--ocds-prefix", "ocds-qh0001", "--base-uri", "https://fenquan.example.gov.cn");

        Assert.True(exit == 0, output);
        var releases = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Where(f => f.Contains("/releases/", StringComparison.Ordinal)).ToList();
        var records = Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Where(f => f.Contains("/records/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(releases);
        Assert.NotEmpty(records);
        Assert.Contains($"Wrote {releases.Count + records.Count} OCDS packages", output, StringComparison.Ordinal);
        Assert.All(releases, f => OcdsSchemas.AssertValidReleasePackage(File.ReadAllText(f)));
        Assert.All(records, f =>
        {
            OcdsSchemas.AssertValidRecordPackage(File.ReadAllText(f));
            Assert.StartsWith("ocds-qh0001-", Path.GetFileName(f), StringComparison.Ordinal);
        });

        // R20–R22: the demo's construction project is among them, from its tender to its first payment.
        Assert.Single(records, f => File.ReadAllText(f).Contains("\"tenderUpdate\"", StringComparison.Ordinal) && File.ReadAllText(f).Contains("\"implementation\"", StringComparison.Ordinal));
    }
}
