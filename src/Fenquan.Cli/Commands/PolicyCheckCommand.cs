using System.ComponentModel;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

public sealed class PolicyCheckSettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A policy file in the format of docs/policy-format.md.")]
    public string File { get; init; } = string.Empty;

    [CommandOption("--law-enforcement")]
    [Description("The county has enabled 执法 as a sixth restricted area (R2).")]
    public bool LawEnforcement { get; init; }
}

/// <summary>R40: a policy is checked before it takes effect — complete, within the county's bounds, safe.</summary>
public sealed class PolicyCheckCommand(IAnsiConsole console) : Command<PolicyCheckSettings>
{
    public override int Execute(CommandContext context, PolicyCheckSettings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
        {
            throw new FenquanCliException($"No such file: {settings.File}");
        }

        var parsed = PolicyJson.Parse(System.IO.File.ReadAllText(settings.File));
        if (!parsed.IsOk)
        {
            console.MarkupLineInterpolated($"[red]Invalid[/] {settings.File}: {Documents.Language.RefusalText.Shared.WithRule(parsed.Refusal!)}");
            return FenquanApp.Failed;
        }

        var bounds = CountyBounds.Default with { LawEnforcementEnabled = settings.LawEnforcement };
        var verification = PolicyVerifier.Verify(parsed.Value, bounds);
        if (verification.IsValid)
        {
            console.MarkupLineInterpolated($"[green]OK[/]: policy version {parsed.Value.Version} ({parsed.Value.Rules.Count} rules) is complete, within the county's bounds and safe (R40).");
            return FenquanApp.Ok;
        }

        console.MarkupLineInterpolated($"[red]FAILED[/]: {verification.Failures.Count} problems (R40):");
        foreach (var failure in verification.Failures)
        {
            console.MarkupLineInterpolated($"  - {Documents.Language.RefusalText.Shared.Failure(failure)}");
        }

        return FenquanApp.Failed;
    }
}
