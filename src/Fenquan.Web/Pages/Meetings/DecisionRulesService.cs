using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;

namespace Fenquan.Web.Pages.Meetings;

/// <summary>A fraction as the form and the API send it: "more than" (strict) or "at least" numerator/denominator.</summary>
public sealed class ThresholdInput
{
    public int? Numerator { get; set; }

    public int? Denominator { get; set; }

    public bool? Strict { get; set; }
}

/// <summary>The county's rules of decision as the admin form and <c>PUT /api/v1/county/decision-rules</c> send them.</summary>
public sealed class DecisionRulesInput
{
    public ThresholdInput? Quorum { get; set; }

    public ThresholdInput? PersonnelQuorum { get; set; }

    public ThresholdInput? Majority { get; set; }

    public VoteBase? MajorityBase { get; set; }

    public ThresholdInput? PersonnelMajority { get; set; }

    public VoteBase? PersonnelMajorityBase { get; set; }

    public static DecisionRulesInput From(DecisionRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        static ThresholdInput Of(Threshold t) => new() { Numerator = t.Numerator, Denominator = t.Denominator, Strict = t.Strict };
        return new()
        {
            Quorum = Of(rules.Quorum),
            PersonnelQuorum = Of(rules.PersonnelQuorum),
            Majority = Of(rules.Majority),
            MajorityBase = rules.MajorityBase,
            PersonnelMajority = Of(rules.PersonnelMajority),
            PersonnelMajorityBase = rules.PersonnelMajorityBase,
        };
    }
}

public sealed record DecisionRulesView(DecisionRules Rules, int Version, string SetBy, DateTimeOffset? SetAt);

/// <summary>
/// The county's rules of decision (R43): every signed-in member of the county may read them; only
/// the county administrator sets them, and the core refuses any below the floor. Meetings freeze
/// the rules in force when they are scheduled.
/// </summary>
public sealed class DecisionRulesService(DbSession session, FenquanStore store)
{
    /// <summary>Fractions are small: a denominator above this is not a rule of decision but a typo.</summary>
    public const int MaxDenominator = 100;

    public static Refusal NotAdministrator => new("R43", "Only the county administrator sets the county's rules of decision.");

    private readonly MeetingOperations _operations = new(store.Writer);

    public DecisionRulesView Current(Viewer viewer)
    {
        var latest = MeetingOperations.DecisionRulesHistory(session.Db, viewer.County).FirstOrDefault();
        return latest is null ? new DecisionRulesView(DecisionRules.Default, 0, string.Empty, null) : new DecisionRulesView(latest.Rules, latest.Version, latest.SetBy, latest.SetAt);
    }

    public async Task<MeetingAttempt<CountyDecisionRules>> SetAsync(Viewer viewer, DecisionRulesInput input)
    {
        if (!viewer.IsCountyAdministrator)
        {
            return new(NotAdministrator, true);
        }

        var quorum = Parse(input.Quorum);
        var personnelQuorum = Parse(input.PersonnelQuorum);
        var majority = Parse(input.Majority);
        var personnelMajority = Parse(input.PersonnelMajority);
        if (quorum is null || personnelQuorum is null || majority is null || personnelMajority is null
            || input.MajorityBase is not { } majorityBase || !Enum.IsDefined(majorityBase)
            || input.PersonnelMajorityBase is not { } personnelBase || !Enum.IsDefined(personnelBase))
        {
            return new(Refusal.Because(Refusal.InvalidId, "DecisionRulesFields", "The rules of decision need four fractions (quorum, personnel quorum, majority, personnel majority), each with 1 ≤ numerator ≤ denominator ≤ {max} and strict (more than) or not (at least), and the two majority bases (EntitledPresent or AllNotRecused).", ("max", MaxDenominator.ToString(System.Globalization.CultureInfo.InvariantCulture))), false);
        }

        var rules = new DecisionRules(quorum, personnelQuorum, majority, majorityBase, personnelMajority, personnelBase);
        return await _operations.SetDecisionRulesAsync(viewer.County, rules, viewer.UserName);
    }

    private static Threshold? Parse(ThresholdInput? input) =>
        input is { Numerator: { } n, Denominator: { } d, Strict: { } strict } && n >= 1 && d >= 1 && n <= d && d <= MaxDenominator
            ? new Threshold(n, d, strict)
            : null;
}
