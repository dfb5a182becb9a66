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
/// The rules of decision a county sets for its units' meetings (R43); frozen on a meeting when it
/// is scheduled, like a policy on a matter (R41). Defaults follow the speech and the cadre
/// regulations:
/// <list type="bullet">
/// <item>quorum: more than half of the team present; personnel items (R11): at least two thirds
/// (三分之二以上, read as including two thirds);</item>
/// <item>approved when more than half of the members entitled to vote (present, not recused) agree;</item>
/// <item>personnel items: more than half of ALL team members agree, absent members included.</item>
/// </list>
/// Recusal: a member recused on an item counts neither towards its quorum nor in any base —
/// quorum is "present non-recused members" out of "team members not recused on the item", and the
/// personnel majority is counted out of "team members not recused on the item" (present or absent).
/// So an interested member's absence from the vote never blocks or softens a decision, while an
/// ordinary absence still counts against a personnel decision.
/// Ties are never a majority (2–2 is not "more than half").
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
        VoteBase.EntitledPresent,
        Threshold.MoreThan(1, 2),
        VoteBase.AllNotRecused);

    /// <summary>
    /// A county may tighten the rules, never loosen them below R43: every quorum and majority at
    /// least "more than half", the personnel quorum at least two thirds.
    /// </summary>
    public Outcome Check()
    {
        foreach (var (name, threshold) in new[] { ("quorum", Quorum), ("personnel quorum", PersonnelQuorum), ("majority", Majority), ("personnel majority", PersonnelMajority) })
        {
            if (threshold is null || !threshold.IsWellFormed)
            {
                return Outcome.Refused("R43", $"The {name} must be a fraction between 0 and 1; it is {threshold?.ToString() ?? "missing"}.");
            }

            if (!threshold.IsAtLeastMoreThanHalf)
            {
                return Outcome.Refused("R43", $"The {name} ({threshold}) is below more than half; a collective decision needs at least that (R43).");
            }
        }

        var twoThirds = 3L * PersonnelQuorum.Numerator > 2L * PersonnelQuorum.Denominator
            || 3L * PersonnelQuorum.Numerator == 2L * PersonnelQuorum.Denominator;
        if (!twoThirds)
        {
            return Outcome.Refused("R11", $"The personnel quorum ({PersonnelQuorum}) is below two thirds of the team (R11, R43).");
        }

        return Outcome.Ok;
    }
}

/// <summary>
/// The count on one item, derived from the meeting's rows. <see cref="Entitled"/> are the members
/// present and not recused: they count towards the quorum and may give an opinion.
/// </summary>
public sealed record ItemTally(
    bool Personnel,
    int TeamSize,
    int Recused,
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

    internal static ItemTally Count(DecisionRules rules, bool personnel, int teamSize, int recused, int entitled, int agree, int disagree, int abstain)
    {
        var quorum = personnel ? rules.PersonnelQuorum : rules.Quorum;
        var majority = personnel ? rules.PersonnelMajority : rules.Majority;
        var majorityBase = (personnel ? rules.PersonnelMajorityBase : rules.MajorityBase) switch
        {
            VoteBase.EntitledPresent => entitled,
            VoteBase.AllNotRecused => teamSize - recused,
        };
        var quorumBase = teamSize - recused;
        return new ItemTally(
            personnel, teamSize, recused, entitled, agree, disagree, abstain,
            quorumBase, quorum.Needed(quorumBase), quorum.IsMet(entitled, quorumBase),
            majorityBase, majority.Needed(majorityBase), majority.IsMet(agree, majorityBase));
    }
}
