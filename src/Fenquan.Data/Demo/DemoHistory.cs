using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using static Fenquan.Data.Demo.DemoCounty;

namespace Fenquan.Data.Demo;

/// <summary>
/// Writes the demo's matters: one drawn at random for a unit (area, kind, initiator, amount, payee,
/// register entry), submitted and taken through its route as real use would — most finish, some are
/// turned down, returned or withdrawn, and some stay in flight. Steps follow each other after 1 to
/// 20 hours times <see cref="Pace"/>, on the demo's clock.
/// </summary>
internal sealed class DemoHistory(FenquanStore store, MatterOperations operations, County county, IReadOnlyList<DemoPerson> people, IReadOnlyList<Core.Counterparties.Counterparty> suppliers, Random random, Random registerRandom, DemoClock clock, double pace)
{
    public DemoClock Clock => clock;

    public FenquanStore Store => store;

    public County County => county;

    public IReadOnlyList<DemoPerson> People => people;

    /// <summary>The share of 1 to 20 hours a step takes after the one before.</summary>
    public double Pace { get; set; } = pace;

    /// <summary>A matter of the unit, taken to where it should end up; an old one (<paramref name="mayStayInFlight"/> false) never stays waiting.</summary>
    public async Task SeedMatterAsync(UnitId unit, bool mayStayInFlight)
    {
        var (matter, initiator) = await SubmitAsync(unit);

        // Where the matter should end up: most finish, some stay in flight, some are turned down.
        var roll = random.NextDouble();
        var stopAfter = roll < 0.25 ? random.Next(0, matter.Route.Steps.Count) : int.MaxValue;
        var reject = roll is >= 0.25 and < 0.33;
        var giveBack = roll is >= 0.33 and < 0.40;
        var withdraw = roll is >= 0.40 and < 0.44;
        if (withdraw)
        {
            clock.Advance(TimeSpan.FromHours(2) * Pace);
            Ok(await operations.WithdrawAsync(county.Id, matter.Id, initiator.Id));
            return;
        }

        await AdvanceAsync(matter, mayStayInFlight ? stopAfter : int.MaxValue, reject, giveBack, leaveWaiting: null);
    }

    /// <summary>Submits a matter of the unit drawn at random.</summary>
    public async Task<(Matter Matter, DemoPerson Initiator)> SubmitAsync(UnitId unit)
    {
        var staffOf = people.Where(p => p.Unit == unit).ToList();
        var (_, kind, initiatorKind, flags, initiatorRole) = DrawKind(random, [Area.Finance, Area.Finance, Area.Procurement, Area.Personnel, Area.Construction, Area.AdministrativeApproval]);

        // R31: a reception is claimed only against an approved request (ReceptionClaim.Tie), which the
        // random history does not make; its finance matters are expenses, some charged to the reception line.
        kind = kind == MatterKind.Reception ? MatterKind.Expense : kind;
        var candidates = staffOf.Where(p => p.Role == initiatorRole).ToList();
        var initiator = candidates[random.Next(candidates.Count)];
        var amount = MatterKinds.HasAmount(kind) ? Amount(random) : 0m;
        var payee = kind is MatterKind.Expense
            ? Payee.Person(initiator.Id, initiator.Name)
            : Supplier(suppliers[random.Next(suppliers.Count)]);
        var titles = Titles[kind];
        var title = titles[random.Next(titles.Length)];

        // R40: the matter names a register entry, and the county's data decides its flags; the
        // random flags above only choose which kind of entry it names.
        var (itemCode, itemTitle) = RegisterEntry(kind, flags, registerRandom);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var submitted = await operations.SubmitAsync(new SubmitMatter(county.Id, unit, kind, itemTitle ?? title, amount, payee, initiator.Id, initiatorKind, MatterFlags.None, today) { ItemCode = itemCode },
            budgetLine: DemoBudgets.LineFor(kind, itemTitle ?? title));
        return (Ok(submitted), initiator);
    }

    /// <summary>
    /// Takes the matter along its route: at most <paramref name="stopAfter"/> steps, turned down or
    /// returned at a deciding step when asked, and left waiting where <paramref name="leaveWaiting"/>
    /// says so (given the matter and who may act now: nobody for the team's step). Returns the matter as left.
    /// </summary>
    public async Task<Matter> AdvanceAsync(Matter matter, int stopAfter, bool reject, bool giveBack, Func<Matter, IReadOnlyList<PersonId>, bool>? leaveWaiting)
    {
        var unit = matter.UnitId;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        for (var done = 0; ; done++)
        {
            await using var db = store.Context();
            var current = MatterOperations.Load(db, county.Id, matter.Id)!;
            if (done >= stopAfter || current.CurrentStep is not { } next)
            {
                return current;
            }

            var org = OrganizationOperations.LoadUnitView(db, county.Id, unit);
            IReadOnlyList<PersonId> actors = current.WaitsForTeam ? [] : current.WhoMayActNow(org);
            if (leaveWaiting?.Invoke(current, actors) == true)
            {
                return current;
            }

            clock.Advance(TimeSpan.FromHours(1 + random.Next(20)) * Pace);
            if (current.WaitsForTeam)
            {
                // R43: the team decides (or hears) it in a recorded meeting whose minutes everyone present signs.
                await HoldMeetingAsync(current.Id, approve: !reject);
                if (reject)
                {
                    return current;
                }

                continue;
            }

            if (actors.Count == 0)
            {
                return current;
            }

            var actor = actors[random.Next(actors.Count)];
            var deciding = StepActions.IsDeciding(next.Kind) && !StepActions.IsRecording(next);
            if ((reject || giveBack) && deciding && done > 0)
            {
                var kindOfRefusal = reject ? ActionKind.Reject : ActionKind.Return;
                Ok(await operations.ActAsync(county.Id, matter.Id, new ActRequest(actor, kindOfRefusal, reject ? "不符合规定,不予批准。" : "请补充发票和明细后重新提交。")));
                return current;
            }

            var action = StepActions.CompletingAction(next.Kind);
            Ok(await operations.ActAsync(county.Id, matter.Id, new ActRequest(actor, action, Comment(action, current.Area), Reference(action, current.Area, today, random))));
        }
    }

    /// <summary>
    /// The matter's team step decided as real use decides it, in one unit of work: a meeting of the
    /// unit's team, its opinions, outcome and minutes signed by every member present, whose last
    /// signature binds the matter (R43; <see cref="DemoMeeting"/>).
    /// </summary>
    private async Task HoldMeetingAsync(MatterId matterId, bool approve) =>
        Ok(await store.Writer.ExecuteAsync(county.Id, "demo.meeting_held", ctx =>
        {
            var matter = MatterOperations.Load(ctx, matterId) ?? throw new InvalidOperationException($"The demo matter {matterId} is missing.");
            var meeting = DemoMeeting.Decide(matter, ctx.UnitView(matter.UnitId), ctx.Now, approve);
            ctx.Db.Add(meeting);
            return Result<Meeting>.Ok(meeting);
        }));

    /// <summary>The register entry a demo matter names, and the title it gives the matter (null: keep the drawn one).</summary>
    private static (string? Code, string? Title) RegisterEntry(MatterKind kind, MatterFlags drawn, Random random)
    {
        switch (kind)
        {
            case MatterKind.PurchasePlan when drawn.HasFlag(MatterFlags.CatalogueItem):
                var entry = DemoRegisters.Catalogue.Entries[random.Next(DemoRegisters.Catalogue.Entries.Count)];
                return (entry.Code, "采购" + entry.Name);
            case MatterKind.PurchasePlan:
                return (Core.Procurement.ProcurementCatalogue.NotInCatalogue, NotInCatalogueTitles[random.Next(NotInCatalogueTitles.Length)]);
            case MatterKind.ApprovalItem:
                // An item whose "major" mark gives the drawn flags: the demo's routes stay as they were.
                var items = DemoRegisters.Register.Items.Where(i => i.IsMajor == drawn.HasFlag(MatterFlags.MajorApprovalItem)).ToList();
                var item = items[random.Next(items.Count)];
                return (item.Code, item.Name + "申请");
            default:
                return (null, null);
        }
    }

    private static readonly string[] NotInCatalogueTitles = ["采购防汛物资", "采购劳保用品", "采购绿化苗木", "采购档案盒"];
}
