using Fenquan.Core.Primitives;

namespace Fenquan.Core.Meetings;

/// <summary>
/// A fraction a count must reach: "more than N/D" (<see cref="Strict"/>) or "at least N/D".
/// Compared exactly on integers (count·D against N·of), never in floating point.
/// </summary>
public sealed record Threshold(int Numerator, int Denominator, bool Strict)
{
    public static Threshold MoreThan(int numerator, int denominator) => new(numerator, denominator, true);

    public static Threshold AtLeast(int numerator, int denominator) => new(numerator, denominator, false);

    /// <summary>Whether <paramref name="count"/> out of <paramref name="of"/> reaches the fraction. Nothing out of nobody never does.</summary>
    public bool IsMet(int count, int of)
    {
        if (of <= 0)
        {
            return false;
        }

        var left = (long)count * Denominator;
        var right = (long)Numerator * of;
        return Strict ? left > right : left >= right;
    }

    /// <summary>The smallest count out of <paramref name="of"/> that reaches the fraction (of + 1 when none does).</summary>
    public int Needed(int of)
    {
        for (var count = 0; count <= of; count++)
        {
            if (IsMet(count, of))
            {
                return count;
            }
        }

        return of + 1;
    }

    /// <summary>Whether every count that meets this threshold is also more than half (R43's floor).</summary>
    public bool IsAtLeastMoreThanHalf => 2L * Numerator > Denominator || (2L * Numerator == Denominator && Strict);

    internal bool IsWellFormed => Numerator > 0 && Denominator > 0 && Numerator <= Denominator;

    public override string ToString() => $"{(Strict ? "more than" : "at least")} {Numerator}/{Denominator}";
}

/// <summary>
/// The rules of decision a county sets for its units' meetings (R43, as the rules of procedure
/// count them); frozen on a meeting when it is scheduled, like a policy on a matter (R41):
/// <list type="bullet">
/// <item>quorum: more than half of the whole team (应到会) present; personnel items (R11): at least
/// two thirds. Recused members count in that base — their recusal never lowers the bar;</item>
/// <item>an item passes with the agreement of more than half of the members entitled to vote — the
/// whole team less the recused, absent members included — not merely of those present;</item>
/// <item>minutes are signed within <see cref="SigningPeriodWorkingDays"/> working days, after which
/// a missing signature is reported to the unit's discipline member.</item>
/// </list>
/// A county may tighten every fraction, never loosen it below these floors, and may not count the
/// majority among those present only (<see cref="VoteBase.EntitledPresent"/>). Ties are never a
/// majority (2–2 is not "more than half").
/// </summary>
public sealed record DecisionRules(
    Threshold Quorum,
    Threshold PersonnelQuorum,
    Threshold Majority,
    VoteBase MajorityBase,
    Threshold PersonnelMajority,
    VoteBase PersonnelMajorityBase)
{
    public static DecisionRules Default { get; } = new(
        Threshold.MoreThan(1, 2),
        Threshold.AtLeast(2, 3),
        Threshold.MoreThan(1, 2),
        VoteBase.AllNotRecused,
        Threshold.MoreThan(1, 2),
        VoteBase.AllNotRecused);

    /// <summary>Working days after the minutes are drawn up within which every member present signs (default 2).</summary>
    public int SigningPeriodWorkingDays { get; init; } = 2;

    /// <summary>
    /// A county may tighten the rules, never loosen them below R43: every quorum and majority at
    /// least "more than half", the personnel quorum at least two thirds, the majority counted out of
    /// every member entitled to vote, and a signing period of 1 to 10 working days.
    /// </summary>
    public Outcome Check()
    {
        foreach (var (name, threshold) in new[] { ("quorum", Quorum), ("personnel quorum", PersonnelQuorum), ("majority", Majority), ("personnel majority", PersonnelMajority) })
        {
            if (threshold is null || !threshold.IsWellFormed)
            {
                return Refusal.Because("R43", "FractionOutOfRange", "The {name} must be a fraction between 0 and 1; it is {threshold}.", ("name", name), ("threshold", threshold?.ToString() ?? "missing"));
            }

            if (!threshold.IsAtLeastMoreThanHalf)
            {
                return Refusal.Because("R43", "BelowMoreThanHalf", "The {name} ({threshold}) is below more than half; a collective decision needs at least that (R43).", ("name", name), ("threshold", threshold.ToString()));
            }
        }

        var twoThirds = 3L * PersonnelQuorum.Numerator > 2L * PersonnelQuorum.Denominator
            || 3L * PersonnelQuorum.Numerator == 2L * PersonnelQuorum.Denominator;
        if (!twoThirds)
        {
            return Refusal.Because("R11", "PersonnelQuorumBelowTwoThirds", "The personnel quorum ({threshold}) is below two thirds of the team (R11, R43).", ("threshold", PersonnelQuorum.ToString()));
        }

        if (MajorityBase != VoteBase.AllNotRecused || PersonnelMajorityBase != VoteBase.AllNotRecused)
        {
            return Refusal.Because("R43", "MajorityOfPresentOnly", "An item passes with the agreement of more than half of the members entitled to vote (the team less the recused, absent members included), not merely of those present.");
        }

        if (SigningPeriodWorkingDays is < 1 or > 10)
        {
            return Refusal.Because("R43", "SigningPeriod", "The minutes' signing period is 1 to 10 working days; it is {days}.",
                ("days", SigningPeriodWorkingDays.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Outcome.Ok;
    }
}

/// <summary>
/// The count on one item, derived from the meeting's rows. <see cref="Present"/> are the members
/// present (the quorum counts them against the whole team); <see cref="Entitled"/> are those
/// present and not recused: they give an opinion.
/// </summary>
public sealed record ItemTally(
    bool Personnel,
    int TeamSize,
    int Recused,
    int Present,
    int Entitled,
    int Agree,
    int Disagree,
    int Abstain,
    int QuorumBase,
    int QuorumNeeded,
    bool QuorumMet,
    int MajorityBase,
    int MajorityNeeded,
    bool MajorityMet)
{
    /// <summary>How many entitled members have spoken.</summary>
    public int Spoken => Agree + Disagree + Abstain;

    /// <summary>Whether every entitled member has spoken.</summary>
    public bool AllSpoken => Spoken == Entitled;

    /// <summary>The rule a refusal on this item names: R11 for personnel items, R43 otherwise.</summary>
    public string Rule => Personnel ? "R11" : "R43";

    internal static ItemTally Count(DecisionRules rules, bool personnel, int teamSize, int recused, int present, int entitled, int agree, int disagree, int abstain)
    {
        var quorum = personnel ? rules.PersonnelQuorum : rules.Quorum;
        var majority = personnel ? rules.PersonnelMajority : rules.Majority;
        var majorityBase = (personnel ? rules.PersonnelMajorityBase : rules.MajorityBase) switch
        {
            VoteBase.EntitledPresent => entitled,
            VoteBase.AllNotRecused => teamSize - recused,
        };

        // 应到会: the whole team, the recused included.
        var quorumBase = teamSize;
        return new ItemTally(
            personnel, teamSize, recused, present, entitled, agree, disagree, abstain,
            quorumBase, quorum.Needed(quorumBase), quorum.IsMet(present, quorumBase),
            majorityBase, majority.Needed(majorityBase), majority.IsMet(agree, majorityBase));
    }
}
