using System.Globalization;
using Fenquan.Core.Calendar;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Inspection;

/// <summary>
/// One draw of a unit's voucher inspection for a period (R8): the seed it came from (a checkpoint
/// nobody chose), the population it was drawn from, the sample as <see cref="InspectionItem"/> rows
/// each assigned to an inspector, and the deadline. A unit has one draw per period: a second one is
/// refused (<c>R8.InspectionDrawnOnce</c>), and a unique key on (county, unit, period) backs it.
/// </summary>
public sealed class VoucherInspection
{
    private VoucherInspection()
    {
        Period = string.Empty;
        SeedRoot = string.Empty;
        SeedWitnesses = string.Empty;
        Seed = string.Empty;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    /// <summary>The period's key (<see cref="InspectionPeriod.Key"/>).</summary>
    public string Period { get; private set; }

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    /// <summary>The seed checkpoint's tree size, root (base64), time and the witnesses that cosigned it (comma-separated; empty: a signed head, no witness yet).</summary>
    public long SeedTreeSize { get; private set; }

    public string SeedRoot { get; private set; }

    public DateTimeOffset SeedSignedAt { get; private set; }

    public string SeedWitnesses { get; private set; }

    /// <summary>The seed's bytes in lower-case hex (<see cref="InspectionSeed.Bytes"/>).</summary>
    public string Seed { get; private set; }

    /// <summary>How many claims were paid in the period (as recorded by the seed checkpoint), and their total.</summary>
    public int PopulationCount { get; private set; }

    public decimal PopulationTotal { get; private set; }

    public int SampleSize { get; private set; }

    public decimal AlwaysAbove { get; private set; }

    /// <summary>The last working day for the findings.</summary>
    public DateOnly Deadline { get; private set; }

    public PersonId DrawnBy { get; private set; }

    public DateTimeOffset DrawnAt { get; private set; }

    public InspectionPeriod PeriodValue => InspectionPeriod.Parse(Period).Value;

    /// <summary>
    /// Draws the sample. Checked in this order: the drawer is a principal of the unit today; the
    /// period is over; the unit has not drawn for it yet; a seed checkpoint exists. The population
    /// is the claims paid in the period (payments the server recorded in it, all ledgered before the seed); <paramref name="interested"/>
    /// answers who may not inspect a drawn claim (<see cref="ClaimInterest"/>).
    /// Each drawn claim goes to the unit's principal with the fewest claims so far who has no
    /// interest in it; when every principal has one, to the county's discipline inspection
    /// (<paramref name="countyDiscipline"/>), or — if the county named none or it too has an
    /// interest — to nobody, and the county sees it as unassigned among the missed inspections.
    /// </summary>
    public static Result<(VoucherInspection Inspection, IReadOnlyList<InspectionItem> Items)> Draw(
        DrawInspection command, bool alreadyDrawn, InspectionSeed? seed, IReadOnlyList<SampleCandidate> population,
        Func<Guid, IReadOnlySet<PersonId>> interested, PersonId? countyDiscipline, IOrganizationView org, WorkingCalendar calendar, DateOnly today, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(interested);
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(calendar);
        var period = command.Period;
        if (!org.HoldsRole(command.Unit, command.By, Role.Principal, today))
        {
            return Refusal.Because("R8", "DrawByPrincipal", "{person} is not a principal of the unit on {date}; the principals draw their unit's voucher inspection.",
                ("person", org.NameOf(command.By)), ("date", Day(today)));
        }

        if (now < period.EndsAt)
        {
            return Refusal.Because("R8", "PeriodNotOver", "The period {period} ends on {end}; its sample is drawn after that, from a checkpoint signed after its end.",
                ("period", period.Key), ("end", Day(period.End)));
        }

        if (alreadyDrawn)
        {
            return Refusal.Because("R8", "InspectionDrawnOnce", "The unit's sample for {period} is drawn already; a period is drawn once, from its recorded seed, and never again.",
                ("period", period.Key));
        }

        if (seed is null)
        {
            return Refusal.Because("R8", "NoSeedCheckpoint", "No checkpoint signed after the end of {period} has been cosigned by a witness yet; the sample is drawn from the first one. Try again later.",
                ("period", period.Key));
        }

        var settings = command.Settings;
        var seedBytes = seed.Bytes(command.County, command.Unit, period);
        var drawn = VoucherSample.Draw(population, seedBytes, settings.SampleSize, settings.AlwaysAbove);
        var inspection = new VoucherInspection
        {
            Id = Guid.CreateVersion7(),
            CountyId = command.County,
            UnitId = command.Unit,
            Period = period.Key,
            PeriodStart = period.Start,
            PeriodEnd = period.End,
            SeedTreeSize = seed.TreeSize,
            SeedRoot = seed.RootHash,
            SeedSignedAt = seed.SignedAt,
            SeedWitnesses = seed.Witnesses,
            Seed = Convert.ToHexStringLower(seedBytes),
            PopulationCount = population.Count(c => c.Amount > 0m),
            PopulationTotal = population.Where(c => c.Amount > 0m).Sum(c => c.Amount),
            SampleSize = settings.SampleSize,
            AlwaysAbove = settings.AlwaysAbove,
            Deadline = calendar.AddWorkingDays(today, settings.InspectionDays),
            DrawnBy = command.By,
            DrawnAt = now,
        };

        var principals = org.Principals(command.Unit, today);
        var load = principals.ToDictionary(p => p, _ => 0);
        var items = new List<InspectionItem>();
        foreach (var (claim, order) in drawn.Select((c, i) => (c, i + 1)))
        {
            var barred = interested(claim.MatterId);
            var free = principals.Where(p => !barred.Contains(p)).OrderBy(p => load[p]).ToList();
            PersonId? inspector = free.Count > 0 ? free[0] : countyDiscipline is { } county && !barred.Contains(county) ? county : null;
            if (free.Count > 0)
            {
                load[free[0]]++;
            }

            items.Add(new InspectionItem(inspection, order, claim, inspector, free.Count == 0 && inspector is not null));
        }

        return Result<(VoucherInspection, IReadOnlyList<InspectionItem>)>.Ok((inspection, items));
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
