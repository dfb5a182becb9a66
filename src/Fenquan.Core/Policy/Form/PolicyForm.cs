using System.Globalization;
using Fenquan.Core.Calendar;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Policy.Form;

/// <summary>
/// R40, R46: a unit's policy as an editing form — the limits, the step time limits and each rule's
/// route as ordered steps with actors — holding what was typed as text, so that a bad field is
/// shown beside itself and nothing typed is lost. <see cref="Of"/> and <see cref="Read"/> round-trip:
/// the form and the raw JSON (<see cref="PolicyJson"/>) edit the same <see cref="PolicyDocument"/>.
/// Field names are the form's own paths (<c>Rules[3].Steps[1].Role</c>), as an HTML form posts them.
/// </summary>
public sealed class PolicyForm
{
    public string? Version { get; set; }

    public string? EffectiveFrom { get; set; }

    public string? SmallExpense { get; set; }

    public string? Purchase { get; set; }

    public string? Collective { get; set; }

    /// <summary>The default first, then one row per <see cref="StepKind"/>.</summary>
    public List<StepLimitForm> StepLimits { get; set; } = [];

    public List<RuleForm> Rules { get; set; } = [];

    public static PolicyForm Of(PolicyDocument policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new PolicyForm
        {
            Version = Number(policy.Version),
            EffectiveFrom = policy.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            SmallExpense = Yuan(policy.Limits.SmallExpense),
            Purchase = Yuan(policy.Limits.Purchase),
            Collective = Yuan(policy.Limits.Collective),
            StepLimits =
            [
                Row(PolicyJson.DefaultStepLimit, policy.StepLimits.Default),
                .. Enum.GetValues<StepKind>().Select(k => Row(k.ToString(), policy.StepLimits.ByKind.GetValueOrDefault(k))),
            ],
            Rules = [.. policy.Rules.Select(RuleOf)],
        };
    }

    /// <summary>The policy the form describes, or each bad field with why (keyed by its form path); the verifier judges the policy itself.</summary>
    public PolicyFormReading Read()
    {
        var errors = new Dictionary<string, Refusal>(StringComparer.Ordinal);
        var version = WholeNumber(Version, nameof(Version), errors);
        DateOnly from = default;
        if (!DateOnly.TryParseExact(EffectiveFrom?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
        {
            errors[nameof(EffectiveFrom)] = Refusal.Because("R40", "FormDate", "\"{value}\" is not a date written yyyy-MM-dd.", ("value", EffectiveFrom ?? string.Empty));
        }

        var limits = new UnitLimits(Amount(SmallExpense, nameof(SmallExpense), errors), Amount(Purchase, nameof(Purchase), errors), Amount(Collective, nameof(Collective), errors));
        var stepLimits = ReadStepLimits(errors);
        var rules = Rules.Select((rule, r) => ReadRule(rule, $"{nameof(Rules)}[{r}]", errors)).ToList();
        if (errors.Count > 0)
        {
            return new PolicyFormReading(null, errors);
        }

        return new PolicyFormReading(new PolicyDocument(version, from, limits, rules!) { StepLimits = stepLimits }, errors);
    }

    /// <summary>
    /// Applies one of the form's step buttons, which work without script: <c>add:r</c> appends a step to
    /// rule r, <c>remove:r:s</c> removes its step s and <c>up:r:s</c> moves it above the one before
    /// (both 0-based), keeping every "same person as step" pointing at the same step. False when the
    /// edit names no such rule or step (nothing changes).
    /// </summary>
    public bool Apply(string? edit)
    {
        var parts = (edit ?? string.Empty).Split(':');
        if (parts.Length is < 2 or > 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var r) || r >= Rules.Count)
        {
            return false;
        }

        var steps = Rules[r].Steps;
        var s = -1;
        if (parts.Length == 3 && (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out s) || s >= steps.Count))
        {
            return false;
        }

        switch (parts[0], parts.Length)
        {
            case ("add", 2):
                steps.Add(new StepForm { Kind = nameof(StepKind.Review), Actor = nameof(ActorKind.Office) });
                return true;
            case ("remove", 3):
                steps.RemoveAt(s);
                Renumber(steps, n => n == s ? null : n > s ? n - 1 : n);
                return true;
            case ("up", 3) when s > 0:
                (steps[s - 1], steps[s]) = (steps[s], steps[s - 1]);
                Renumber(steps, n => n == s ? s - 1 : n == s - 1 ? s : n);
                return true;
            default:
                return false;
        }
    }

    // SameAsStep holds 1-based numbers; the map works on 0-based indexes. A number that is not one is left for Read to refuse.
    private static void Renumber(List<StepForm> steps, Func<int, int?> map)
    {
        foreach (var step in steps)
        {
            if (int.TryParse(step.SameAsStep, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
            {
                step.SameAsStep = map(number - 1) is { } index ? Number(index + 1) : null;
            }
        }
    }

    private StepTimeLimits ReadStepLimits(Dictionary<string, Refusal> errors)
    {
        var fallback = StepLimit.Standard;
        var byKind = new Dictionary<StepKind, StepLimit>();
        for (var i = 0; i < StepLimits.Count; i++)
        {
            var row = StepLimits[i];
            var path = $"{nameof(StepLimits)}[{i}]";
            var isDefault = row.Kind == PolicyJson.DefaultStepLimit;
            StepKind kind = default;
            if (!isDefault && !TryName(row.Kind, out kind))
            {
                errors[path + ".Kind"] = NotAChoice(row.Kind);
                continue;
            }

            if (!isDefault && string.IsNullOrWhiteSpace(row.Days))
            {
                continue;
            }

            var days = WholeNumber(row.Days, path + ".Days", errors);
            if (!TryName<DayCount>(row.Count, out var count))
            {
                errors[path + ".Count"] = NotAChoice(row.Count);
            }

            var percent = string.IsNullOrWhiteSpace(row.WarningPercent) ? LimitWatch.DefaultWarningPercent : WholeNumber(row.WarningPercent, path + ".WarningPercent", errors);
            var limit = new StepLimit(new TimeLimit(days, count), percent);
            if (isDefault)
            {
                fallback = limit;
            }
            else
            {
                byKind[kind] = limit;
            }
        }

        return new StepTimeLimits(fallback, byKind);
    }

    private static PolicyRule? ReadRule(RuleForm rule, string path, Dictionary<string, Refusal> errors)
    {
        var area = Choice<Area>(rule.Area, path + ".Area", errors);
        var kind = Choice<MatterKind>(rule.Kind, path + ".Kind", errors);
        var initiators = Names<InitiatorKind>(rule.Initiators, path + ".Initiators", errors);
        var band = new AmountBand(Bound(rule.Above, path + ".Above", errors), Bound(rule.UpTo, path + ".UpTo", errors));
        var required = Names<MatterFlags>(rule.RequiredFlags, path + ".RequiredFlags", errors).Aggregate(MatterFlags.None, (a, f) => a | f);
        var excluded = Names<MatterFlags>(rule.ExcludedFlags, path + ".ExcludedFlags", errors).Aggregate(MatterFlags.None, (a, f) => a | f);
        var cites = Split(rule.Cites).ToList();
        if (cites.FirstOrDefault(c => c.Length < 2 || c[0] != 'R' || !c[1..].All(char.IsAsciiDigit)) is { } bad)
        {
            errors[path + ".Cites"] = Refusal.Because("R40", "FormRuleId", "\"{value}\" is not a rule id like R4.", ("value", bad));
        }

        var steps = rule.Steps.Select((step, s) => ReadStep(step, s, $"{path}.Steps[{s}]", errors)).ToList();
        return new PolicyRule(area, kind, initiators, band, required, excluded, new Route(steps!, cites))
        {
            Id = string.IsNullOrWhiteSpace(rule.Id) ? null : rule.Id.Trim(),
        };
    }

    private static RouteStep? ReadStep(StepForm step, int index, string path, Dictionary<string, Refusal> errors)
    {
        var kind = Choice<StepKind>(step.Kind, path + ".Kind", errors);
        var actor = Choice<ActorKind>(step.Actor, path + ".Actor", errors);
        Role? role = null;
        if (actor == ActorKind.NamedRole)
        {
            if (!TryName<Role>(step.Role, out var named))
            {
                errors[path + ".Role"] = Refusal.Because("R40", "FormRoleNeeded", "A step taken by a named role names the role.");
            }

            role = named;
        }

        int? same = null;
        if (!string.IsNullOrWhiteSpace(step.SameAsStep))
        {
            if (!int.TryParse(step.SameAsStep, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > index)
            {
                errors[path + ".SameAsStep"] = Refusal.Because("R40", "FormSameAsStep", "\"{value}\" is not the number of an earlier step.", ("value", step.SameAsStep));
            }
            else
            {
                same = number - 1;
            }
        }

        return new RouteStep(kind, new ActorSpec(actor, role)) { SameActorAs = same };
    }

    private static StepLimitForm Row(string kind, StepLimit? limit) => new()
    {
        Kind = kind,
        Days = limit is null ? null : Number(limit.Limit.Days),
        Count = (limit?.Limit.Count ?? DayCount.WorkingDays).ToString(),
        WarningPercent = limit is null ? null : Number(limit.WarningPercent),
    };

    private static RuleForm RuleOf(PolicyRule rule) => new()
    {
        Id = rule.Id,
        Area = rule.Area.ToString(),
        Kind = rule.Kind.ToString(),
        Initiators = string.Join(",", rule.Initiators),
        Above = BoundText(rule.Amount.Above),
        UpTo = BoundText(rule.Amount.UpTo),
        RequiredFlags = FlagText(rule.RequiredFlags),
        ExcludedFlags = FlagText(rule.ExcludedFlags),
        Cites = string.Join(",", rule.Route.Rules),
        Steps =
        [
            .. rule.Route.Steps.Select(s => new StepForm
            {
                Kind = s.Kind.ToString(),
                Actor = s.Actor.Kind.ToString(),
                Role = s.Actor.Role?.ToString(),
                SameAsStep = s.SameActorAs is { } k ? Number(k + 1) : null,
            }),
        ],
    };

    private static string? BoundText(LimitRef? bound) => bound switch
    {
        null => null,
        { Name: LimitName.SmallExpense } => "S",
        { Name: LimitName.Purchase } => "P",
        { Name: LimitName.Collective } => "C",
        { Amount: { } amount } => Yuan(amount),
        _ => null,
    };

    private static string FlagText(MatterFlags flags) =>
        string.Join(",", Enum.GetValues<MatterFlags>().Where(f => f != MatterFlags.None && flags.HasFlag(f)));

    private static LimitRef? Bound(string? text, string path, Dictionary<string, Refusal> errors)
    {
        var value = text?.Trim();
        switch (value)
        {
            case null or "":
                return null;
            case "S" or "s":
                return LimitRef.Of(LimitName.SmallExpense);
            case "P" or "p":
                return LimitRef.Of(LimitName.Purchase);
            case "C" or "c":
                return LimitRef.Of(LimitName.Collective);
        }

        if (TryYuan(value, out var amount))
        {
            return LimitRef.Of(amount);
        }

        errors[path] = Refusal.Because("R40", "FormBound", "\"{value}\" is not a bound: leave it empty, or write S, P, C or an amount in yuan.", ("value", value));
        return null;
    }

    private static decimal Amount(string? text, string path, Dictionary<string, Refusal> errors)
    {
        if (TryYuan(text?.Trim(), out var amount))
        {
            return amount;
        }

        errors[path] = Refusal.Because("R40", "FormAmount", "\"{value}\" is not an amount in yuan.", ("value", text ?? string.Empty));
        return 0m;
    }

    private static bool TryYuan(string? text, out decimal amount) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out amount);

    private static int WholeNumber(string? text, string path, Dictionary<string, Refusal> errors)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[path] = Refusal.Because("R40", "FormWholeNumber", "\"{value}\" is not a whole number.", ("value", text ?? string.Empty));
        return 0;
    }

    private static T Choice<T>(string? text, string path, Dictionary<string, Refusal> errors)
        where T : struct, Enum
    {
        if (TryName<T>(text, out var value))
        {
            return value;
        }

        errors[path] = NotAChoice(text);
        return default;
    }

    private static List<T> Names<T>(string? text, string path, Dictionary<string, Refusal> errors)
        where T : struct, Enum
    {
        var values = new List<T>();
        foreach (var name in Split(text))
        {
            if (TryName<T>(name, out var value))
            {
                values.Add(value);
            }
            else
            {
                errors[path] = NotAChoice(name);
            }
        }

        return values;
    }

    // Names only, never numbers: Enum.TryParse would take "7" for any enum.
    private static bool TryName<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        return text is not null && Enum.GetNames<T>().Contains(text.Trim(), StringComparer.Ordinal) && Enum.TryParse(text.Trim(), out value);
    }

    private static Refusal NotAChoice(string? text) =>
        Refusal.Because("R40", "FormChoice", "\"{value}\" is not one of the choices.", ("value", text ?? string.Empty));

    private static IEnumerable<string> Split(string? text) =>
        (text ?? string.Empty).Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Yuan(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
