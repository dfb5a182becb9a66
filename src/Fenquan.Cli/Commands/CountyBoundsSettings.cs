using System.ComponentModel;
using Fenquan.Core.Organization;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

/// <summary>The county's name and bounds as options; a bound left out keeps its value (the speech's defaults for a new county).</summary>
public sealed class CountyBoundsSettings : CountyOfficialSettings
{
    [CommandOption("--county-name <NAME>")]
    [Description("The county's name (create).")]
    public string? CountyName { get; init; }

    [CommandOption("--name <NAME>")]
    [Description("A new name for the county (set; R40, proposed on its own, a second administrator confirms it).")]
    public string? Rename { get; init; }

    [CommandOption("--ocds-prefix <PREFIX>")]
    [Description("R22: the county's registered OCDS prefix, ocds- and six lower-case letters or digits (set; R40, proposed on its own, a second administrator confirms it).")]
    public string? OcdsPrefix { get; init; }

    [CommandOption("--summary <TEXT>")]
    [Description("What changes, in a few words (set; shown to the confirmer and the discipline inspection).")]
    public string? Summary { get; init; }

    [CommandOption("--small-min <YUAN>")]
    [Description("R4: lowest small-expense limit S a unit may set.")]
    public decimal? SmallExpenseMin { get; init; }

    [CommandOption("--small-max <YUAN>")]
    [Description("R4: highest small-expense limit S a unit may set.")]
    public decimal? SmallExpenseMax { get; init; }

    [CommandOption("--purchase-min <YUAN>")]
    [Description("R16: lowest purchase limit P a unit may set.")]
    public decimal? PurchaseMin { get; init; }

    [CommandOption("--purchase-max <YUAN>")]
    [Description("R16: highest purchase limit P a unit may set.")]
    public decimal? PurchaseMax { get; init; }

    [CommandOption("--collective <YUAN>")]
    [Description("R5: the collective limit C.")]
    public decimal? CollectiveLimit { get; init; }

    [CommandOption("--law-enforcement <BOOL>")]
    [Description("R2: law enforcement 执法 as a sixth restricted area (true/false).")]
    public bool? LawEnforcement { get; init; }

    [CommandOption("--forbid-single-deputy <BOOL>")]
    [Description("R3: no single deputy holds every restricted area (true/false).")]
    public bool? ForbidSingleDeputy { get; init; }

    [CommandOption("--forbid-discipline-portfolio <BOOL>")]
    [Description("R3: the discipline-inspection member holds no restricted area (true/false).")]
    public bool? ForbidDisciplinePortfolio { get; init; }

    /// <summary>Whether any bound or switch is given.</summary>
    public bool ChangesBounds =>
        SmallExpenseMin is not null || SmallExpenseMax is not null || PurchaseMin is not null || PurchaseMax is not null || CollectiveLimit is not null
        || LawEnforcement is not null || ForbidSingleDeputy is not null || ForbidDisciplinePortfolio is not null;

    public CountyBounds Over(CountyBounds current) =>
        current.With(SmallExpenseMin, SmallExpenseMax, PurchaseMin, PurchaseMax, CollectiveLimit, LawEnforcement, ForbidSingleDeputy, ForbidDisciplinePortfolio);
}
