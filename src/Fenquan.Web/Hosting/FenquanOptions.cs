namespace Fenquan.Web.Hosting;

/// <summary>
/// The "Fenquan" configuration section. Command line: <c>--data DIR</c>, <c>--db CONNECTION</c>,
/// <c>--no-demo</c>; environment: FENQUAN_DATA, FENQUAN_DB (the same rule as the command line tool).
/// </summary>
public sealed class FenquanOptions
{
    public const string Section = "Fenquan";

    public string? Data { get; set; }

    public string? Db { get; set; }

    /// <summary>The key folder (<c>--keys</c>, FENQUAN_KEYS; default: beside the data folder), see KeyDirectory.</summary>
    public string? Keys { get; set; }

    /// <summary>The file with the signing key's passphrase (<c>--key-passphrase-file</c>, FENQUAN_KEY_PASSPHRASE_FILE).</summary>
    public string? KeyPassphraseFile { get; set; }

    /// <summary>Seed the demo county 清河县 on first start (and create a sign-in for every demo person).</summary>
    public bool SeedDemo { get; set; } = true;

    /// <summary>How many demo matters to seed.</summary>
    public int DemoMatters { get; set; } = 300;

    /// <summary>The tasks each demo principal, deputy and office reviewer finds on first sign-in (<see cref="Data.Demo.DemoOptions.OpenTasksPerPerson"/>; 0: none, nor the recent meetings).</summary>
    public int DemoOpenTasks { get; set; } = new Data.Demo.DemoOptions().OpenTasksPerPerson;

    /// <summary>
    /// The demo accounts' password. When empty, one is generated at first start and kept in the
    /// data folder (demo-password.txt), never in the repository.
    /// </summary>
    public string? DemoPassword { get; set; }

    /// <summary>Sign-in attempts allowed per client address within <see cref="SignInWindowMinutes"/> (a township office signs in from one address).</summary>
    public int SignInPermitsPerAddress { get; set; } = 600;

    /// <summary>The sliding window of the per-address sign-in limit, in minutes.</summary>
    public int SignInWindowMinutes { get; set; } = 10;

    /// <summary>Wrong passwords in a row that lock an account (等保 practice: 5).</summary>
    public int LockoutAttempts { get; set; } = 5;

    /// <summary>How long a locked account stays locked, in minutes.</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Applications and complaints the public may file per client address per minute.</summary>
    public int IntakePermitsPerMinute { get; set; } = 10;

    /// <summary>The time zone whose date is "today" for roles on the day.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>Seconds between pushes of the latest checkpoints to the witnesses (R44).</summary>
    public int WitnessPushSeconds { get; set; } = 5;

    /// <summary>R44: how often the tiles are brought up to each county's latest head in the background (also just after start); 0 turns it off, and tiles are then built on first request.</summary>
    public int TileCatchUpSeconds { get; set; } = 60;

    /// <summary>Minutes after which a witness that has not cosigned a newer checkpoint is shown as silent (R44).</summary>
    public int WitnessSilentMinutes { get; set; } = 60;

    /// <summary>
    /// Outbound webhooks by county id (or <c>*</c> for every county): <c>Fenquan:Webhooks:{id}:Url</c> and
    /// <c>:Secret</c> (at least 16 characters; from user secrets or the environment, never the repository).
    /// </summary>
    public Dictionary<string, Fenquan.Web.Notifications.WebhookTarget> Webhooks { get; set; } = [];

    /// <summary>How often new notifications are sent to the webhook (seconds); 0 turns the background sender off.</summary>
    public int WebhookSeconds { get; set; } = 10;

    /// <summary>The first wait before a failed webhook delivery is tried again (seconds); it doubles each time, up to an hour.</summary>
    public int WebhookRetrySeconds { get; set; } = 30;

    /// <summary>Notifications made this many minutes before the server started are still sent to the webhook.</summary>
    public int WebhookCatchUpMinutes { get; set; } = 60;

    /// <summary>R46: the share of a time limit (percent) at which applications, complaints and rectifications turn yellow; red when exceeded. A matter step's share is in its unit's policy.</summary>
    public int WarningPercent { get; set; } = Core.Calendar.LimitWatch.DefaultWarningPercent;

    /// <summary>R47: the red flags' settings (section Fenquan:Flags): WindowDays, HuggingShare, FastApprovalSeconds, RepeatedSupplierShare, RepeatedSupplierMinimum.</summary>
    public Flags.FlagOptions Flags { get; set; } = new();

    /// <summary>
    /// R22: the OCDS prefix used until a county registers its own (a four-eyes county change at
    /// /admin/county, <c>POST /api/v1/county/settings</c> or <c>fenquan county set --ocds-prefix</c>):
    /// a placeholder, by default the demo's (<see cref="Core.Ocds.OcdsPrefix.Demo"/>).
    /// </summary>
    public string OcdsPrefix { get; set; } = Core.Ocds.OcdsPrefix.Demo;

    /// <summary>The OCDS prefix, checked at start: a malformed one stops the start with the reason.</summary>
    public string CheckedOcdsPrefix()
    {
        var check = Core.Ocds.OcdsPrefix.Check(OcdsPrefix);
        return check.IsOk ? OcdsPrefix : throw new InvalidOperationException(check.Refusal!.Reason);
    }

    /// <summary>The flags' settings as the core reads them; settings out of range stop the start with the reason.</summary>
    public Core.Flags.FlagSettings FlagSettings()
    {
        var settings = new Core.Flags.FlagSettings
        {
            WindowDays = Flags.WindowDays,
            HuggingShare = Flags.HuggingShare,
            FastApprovalSeconds = Flags.FastApprovalSeconds,
            RepeatedSupplierShare = Flags.RepeatedSupplierShare,
            RepeatedSupplierMinimum = Flags.RepeatedSupplierMinimum,
        };
        var check = settings.Check();
        return check.IsOk ? settings : throw new InvalidOperationException(check.Refusal!.Reason);
    }

    /// <summary>R19–R21 [design]: construction settings (section Fenquan:Construction): VariationShare (0.10), NoticeDays (3), ProgressShare (0.80).</summary>
    public Construction.ConstructionOptions Construction { get; set; } = new();

    /// <summary>The construction settings as the core reads them; settings out of range stop the start with the reason.</summary>
    public Core.Construction.ConstructionSettings ConstructionSettings()
    {
        var settings = new Core.Construction.ConstructionSettings
        {
            VariationShare = Construction.VariationShare,
            NoticeDays = Construction.NoticeDays,
            ProgressShare = Construction.ProgressShare,
        };
        var check = settings.Check();
        return check.IsOk ? settings : throw new InvalidOperationException(check.Refusal!.Reason);
    }
}
