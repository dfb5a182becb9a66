using Fenquan.Core.Primitives;

namespace Fenquan.Core.Meetings;

/// <summary>
/// A county's rules of decision for its units' meetings (R43, "defaults; a county can configure
/// them"): one immutable row per version, the highest version in force. A meeting freezes the
/// version in force when it is scheduled, so a later change never alters a meeting already
/// called. A county without a row uses <see cref="DecisionRules.Default"/>.
/// </summary>
public sealed class CountyDecisionRules
{
    private CountyDecisionRules()
    {
        Rules = DecisionRules.Default;
        SetBy = string.Empty;
    }

    private CountyDecisionRules(CountyId county, int version, DecisionRules rules, string setBy, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = county;
        Version = version;
        Rules = rules;
        SetBy = setBy;
        SetAt = now;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    /// <summary>1, 2, …: the highest is in force.</summary>
    public int Version { get; private set; }

    public DecisionRules Rules { get; private set; }

    /// <summary>The account of the county administrator who set them.</summary>
    public string SetBy { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    /// <summary>The rules in force: the highest version of <paramref name="versions"/>, or the defaults.</summary>
    public static DecisionRules InForce(IEnumerable<CountyDecisionRules> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions.MaxBy(v => v.Version)?.Rules ?? DecisionRules.Default;
    }

    /// <summary>
    /// Sets new rules as the next version after <paramref name="current"/> (null: none yet).
    /// Refused below R43's floor (<see cref="DecisionRules.Check"/>: every quorum and majority more
    /// than half, the personnel quorum at least two thirds) and without the setter's name.
    /// </summary>
    public static Result<CountyDecisionRules> Set(CountyId county, DecisionRules rules, CountyDecisionRules? current, string setBy, DateTimeOffset now)
    {
        if (rules is null)
        {
            return Refusal.Because("R43", "RulesMissing", "The rules of decision are missing.");
        }

        var check = rules.Check();
        if (!check.IsOk)
        {
            return check.Refusal!;
        }

        if (string.IsNullOrWhiteSpace(setBy))
        {
            return Refusal.Because("R43", "SetterUnnamed", "The rules of decision are set by a named county administrator.");
        }

        if (current is not null && current.CountyId != county)
        {
            throw new ArgumentException("The current rules belong to another county.", nameof(current));
        }

        return Result<CountyDecisionRules>.Ok(new CountyDecisionRules(county, (current?.Version ?? 0) + 1, rules, setBy.Trim(), now));
    }
}
