using Fenquan.Core.Access;
using Fenquan.Core.Calendar;
using Fenquan.Core.Finance.Inspection;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;

namespace Fenquan.Core.Tests.Finance.Inspection;

// R8: the principals inspect a drawn sample of claims they have no interest in; a problem is rectified by the finance deputy and closed only by the inspector's acceptance.
public class VoucherInspectionTests
{
    private static readonly InspectionPeriod Quarter = new(2025, 3, 1);
    private static readonly DateOnly Today = new(2025, 4, 3);
    private static readonly DateTimeOffset Now = new(2025, 4, 3, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly InspectionSeed Head = new(1_234, "cm9vdA==", Now.AddDays(-1), "jiwei");
    private static readonly InspectionSettings AllAbove100 = new(AlwaysAbove: 100m);

    private readonly TestOrg _org = TestOrg.Township().With("郑洁", Role.DisciplineMember);
    private readonly PersonId _countyInspector = PersonId.New();
    private readonly WorkingCalendar _calendar = WorkingCalendar.MondayToFriday;

    private Result<(VoucherInspection Inspection, IReadOnlyList<InspectionItem> Items)> Draw(
        IReadOnlyList<SampleCandidate> claims, Func<Guid, IReadOnlySet<PersonId>>? interested = null, string by = "张建国", bool alreadyDrawn = false, InspectionSeed? seed = null, DateTimeOffset? now = null, bool countyNamedNobody = false) =>
        VoucherInspection.Draw(new DrawInspection(_org.County, _org.Unit, Quarter, _org[by], AllAbove100), alreadyDrawn, seed ?? Head, claims,
            interested ?? (_ => new HashSet<PersonId>()), countyNamedNobody ? null : _countyInspector, _org.View(), _calendar, Today, now ?? Now);

    private static List<SampleCandidate> Claims(int count) => [.. Enumerable.Range(0, count).Select(i => new SampleCandidate(Guid.CreateVersion7(), 1_000m + i))];

    private static void AssertRefused<T>(Result<T> result, string key)
    {
        Assert.False(result.IsOk, "expected a refusal " + key);
        Assert.Equal(key, result.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void TheDraw_IsRefused_ToADeputy_BeforeThePeriodEnds_TheSecondTime_AndWithoutASeed()
    {
        AssertRefused(Draw(Claims(2), by: "王志强"), "R8.DrawByPrincipal");
        AssertRefused(Draw(Claims(2), now: Quarter.EndsAt.AddSeconds(-1)), "R8.PeriodNotOver");
        AssertRefused(Draw(Claims(2), alreadyDrawn: true), "R8.InspectionDrawnOnce");
        AssertRefused(VoucherInspection.Draw(new DrawInspection(_org.County, _org.Unit, Quarter, _org["张建国"], AllAbove100), false, null, Claims(2),
            _ => new HashSet<PersonId>(), null, _org.View(), _calendar, Today, Now), "R8.NoSeedCheckpoint");
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void TheDraw_RecordsItsSeed_AndSharesTheSampleAmongThePrincipals_WithADeadline()
    {
        var drawn = Draw(Claims(6));

        Assert.True(drawn.IsOk, drawn.ToString());
        var (inspection, items) = drawn.Value;
        Assert.Equal(("2025Q1", 1_234L, "cm9vdA==", "jiwei"), (inspection.Period, inspection.SeedTreeSize, inspection.SeedRoot, inspection.SeedWitnesses));
        Assert.Equal(Convert.ToHexStringLower(Head.Bytes(_org.County, _org.Unit, Quarter)), inspection.Seed);
        Assert.Equal((6, 6_015m), (inspection.PopulationCount, inspection.PopulationTotal));
        Assert.Equal(_calendar.AddWorkingDays(Today, AllAbove100.InspectionDays), inspection.Deadline);
        Assert.Equal(6, items.Count);
        Assert.Equal([3, 3], items.GroupBy(i => i.InspectorId).Select(g => g.Count()));
        Assert.True(items.All(i => i.InspectorId == _org["张建国"] || i.InspectorId == _org["李秀英"]));
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void NoPrincipalInspectsAClaimTheyInitiatedWerePaidByOrApproved_TheCountyTakesOneBothAreTiedTo()
    {
        var claims = Claims(3);
        var (a, b) = (_org["张建国"], _org["李秀英"]);
        var interests = new Dictionary<Guid, IReadOnlySet<PersonId>>
        {
            [claims[0].MatterId] = new HashSet<PersonId> { a },
            [claims[1].MatterId] = new HashSet<PersonId> { b },
            [claims[2].MatterId] = new HashSet<PersonId> { a, b },
        };

        var items = Draw(claims, id => interests[id]).Value.Items.ToDictionary(i => i.MatterId.Value);

        Assert.Equal(b, items[claims[0].MatterId].InspectorId);
        Assert.Equal(a, items[claims[1].MatterId].InspectorId);
        Assert.Equal((_countyInspector, true), (items[claims[2].MatterId].InspectorId!.Value, items[claims[2].MatterId].ByCounty));

        // With no county discipline inspection named, such a claim is left unassigned: the county sees it as missed.
        var orphan = Draw(claims, id => interests[id], countyNamedNobody: true).Value;
        var unassigned = orphan.Items.Single(i => i.MatterId.Value == claims[2].MatterId);
        Assert.Null(unassigned.InspectorId);
        Assert.Contains(Overdue.Find([orphan.Inspection], orphan.Items, new HashSet<Guid>(), [], Today), o => o.Kind == OverdueKind.Unassigned && o.Matter == unassigned.MatterId);
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void ClaimInterest_IsTheInitiatorThePayeeAndEveryoneWhoActedOnIt()
    {
        var matter = _org.Submit(MatterKind.Expense, 800m, "孙磊", InitiatorKind.Staff, TestRoutes.SmallExpense, Payee.Person(_org["郑芳"], "郑芳"));
        _org.Done(matter, "周敏", ActionKind.Review);
        _org.Done(matter, "王志强", ActionKind.Approve);

        Assert.True(new HashSet<PersonId> { _org["孙磊"], _org["郑芳"], _org["周敏"], _org["王志强"] }.SetEquals(ClaimInterest.Of(matter)));
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void AFinding_IsTheInspectorsAlone_Once_AndNeverOnTheirOwnClaim()
    {
        var item = Draw(Claims(1)).Value.Items.Single();
        var inspector = _org.View().NameOf(item.InspectorId!.Value) == "张建国" ? "张建国" : "李秀英";
        var other = inspector == "张建国" ? "李秀英" : "张建国";
        Result<(InspectionFinding, Rectification?)> Find(string by, Verdict verdict = Verdict.InOrder, bool found = false, IReadOnlySet<PersonId>? interested = null, string? note = null) =>
            item.Find(new RecordFinding(_org[by], verdict, note), found, interested ?? new HashSet<PersonId>(), _org.View(), _calendar, InspectionSettings.Default, Today, Now);

        AssertRefused(Find("王志强"), "R8.FindingByInspector");     // a deputy records no finding
        AssertRefused(Find(other), "R8.FindingByInspector");        // nor the other principal
        AssertRefused(Find(inspector, interested: new HashSet<PersonId> { _org[inspector] }), "R8.InspectorInterested");
        AssertRefused(Find(inspector, found: true), "R8.FindingOnce");
        AssertRefused(Find(inspector, Verdict.Problem), Refusal.InvalidId + ".FindingNote");
        var inOrder = Find(inspector);
        Assert.True(inOrder.IsOk, inOrder.ToString());
        Assert.Null(inOrder.Value.Item2);
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void AProblem_OpensARectificationForTheFinanceDeputy_ClosedOnlyByTheInspectorsAcceptanceOfEvidence()
    {
        var item = Draw(Claims(1)).Value.Items.Single();
        var inspector = item.InspectorId!.Value;
        var found = item.Find(new RecordFinding(inspector, Verdict.Problem, "发票抬头与单位名称不符"), false, new HashSet<PersonId>(), _org.View(), _calendar, InspectionSettings.Default, Today, Now);
        Assert.True(found.IsOk, found.ToString());
        var task = found.Value.Task!;
        Assert.Equal((_org["王志强"], inspector, "发票抬头与单位名称不符"), (task.ResponsibleId, task.InspectorId, task.Problem));
        Assert.Equal(_calendar.AddWorkingDays(Today, InspectionSettings.Default.RectificationDays), task.Deadline);

        var steps = new List<RectificationStep>();
        Result<RectificationStep> Step(Result<RectificationStep> step)
        {
            if (step.IsOk)
            {
                steps.Add(step.Value);
            }

            return step;
        }

        Result<RectificationStep> Evidence(string by, string? text = "已退回并重开发票") => Step(task.GiveEvidence(steps, _org[by], text, "sha256:ab12", _org.View(), Now));
        Result<RectificationStep> Decide(PersonId by, bool accept, string? reason = null) => Step(task.Decide(steps, by, accept, reason, _org.View(), Now));

        AssertRefused(Decide(inspector, true), "R8.NoEvidenceToDecide");       // nothing to accept yet
        AssertRefused(Evidence("孙磊"), "R8.EvidenceByResponsible");
        AssertRefused(Evidence("王志强", " "), Refusal.InvalidId + ".EvidenceLength");  // evidence is required
        Assert.True(Evidence("王志强").IsOk);
        Assert.Equal(RectificationState.AwaitingAcceptance, Rectification.StateOf(steps));
        AssertRefused(Evidence("王志强"), "R8.RectificationNotOpen");
        AssertRefused(Decide(_org["王志强"], true), "R8.AcceptByInspector");   // the deputy does not accept their own correction
        AssertRefused(Decide(_org[_org.View().NameOf(inspector) == "张建国" ? "李秀英" : "张建国"], true), "R8.AcceptByInspector");
        AssertRefused(Decide(inspector, false), Refusal.InvalidId + ".SendBackReason"); // sending back says why
        Assert.True(Decide(inspector, false, "缺少重开后的发票").IsOk);
        Assert.Equal(RectificationState.Open, Rectification.StateOf(steps));
        Assert.True(Evidence("王志强", "已补充重开后的发票").IsOk);
        Assert.True(Decide(inspector, true).IsOk);
        Assert.Equal(RectificationState.Closed, Rectification.StateOf(steps));
        AssertRefused(Evidence("王志强"), "R8.RectificationNotOpen");
        Assert.Equal([1, 2, 3, 4], steps.Select(s => s.Number));
    }

    [Fact]
    [Trait("Rule", "R46")]
    public void ARectificationsDeadline_CountsWorkingDaysOnTheCalendar_YellowAtTheWarningShare_RedWhenPassed()
    {
        // The official 2025 calendar: 国庆 1–8 October off, Sunday 28 September and Saturday 11 October worked.
        var calendar = new WorkingCalendar(OfficialCalendars.Shipped);
        var opened = new DateOnly(2025, 9, 26);
        var item = Draw(Claims(1)).Value.Items.Single();
        var task = item.Find(new RecordFinding(item.InspectorId!.Value, Verdict.Problem, "报销单缺少验收签字"), false, new HashSet<PersonId>(), _org.View(), calendar, new InspectionSettings(RectificationDays: 5), opened, Now).Value.Task!;

        // Five working days after Friday 26 September: 28, 29, 30 September, 9 and 10 October.
        Assert.Equal(new DateOnly(2025, 10, 10), task.Deadline);
        Assert.Equal(opened, task.OpenedOn);
        var watch = new LimitWatch(80);
        Assert.Equal(new RectificationClock(TimeLimit.Working(5), 3, 2, LimitColour.Green), task.ClockOn(new DateOnly(2025, 10, 7), calendar, watch));   // the holiday does not count
        Assert.Equal(new RectificationClock(TimeLimit.Working(5), 4, 1, LimitColour.Yellow), task.ClockOn(new DateOnly(2025, 10, 9), calendar, watch));
        Assert.Equal(LimitColour.Yellow, task.ClockOn(new DateOnly(2025, 10, 10), calendar, watch).Colour);
        Assert.Equal(new RectificationClock(TimeLimit.Working(5), 6, 0, LimitColour.Red), task.ClockOn(new DateOnly(2025, 10, 11), calendar, watch));     // a worked Saturday
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void MissedInspections_AreFindingsNotRecordedByTheDeadline_AndRectificationsNotClosedByTheirs()
    {
        var (inspection, items) = Draw(Claims(3)).Value;
        var problem = items[0].Find(new RecordFinding(items[0].InspectorId!.Value, Verdict.Problem, "无审批单"), false, new HashSet<PersonId>(), _org.View(), _calendar, InspectionSettings.Default, Today, Now).Value;
        var found = new HashSet<Guid> { items[0].Id, items[1].Id };

        Assert.True(problem.Task!.Deadline < inspection.Deadline);
        Assert.Empty(Overdue.Find([inspection], items, found, [(problem.Task!, RectificationState.Open)], problem.Task!.Deadline));
        var late = Overdue.Find([inspection], items, found, [(problem.Task!, RectificationState.Open)], inspection.Deadline.AddDays(1));
        Assert.Equal([(OverdueKind.Rectification, items[0].MatterId), (OverdueKind.Inspection, items[2].MatterId)], late.Select(o => (o.Kind, o.Matter)));
        Assert.DoesNotContain(Overdue.Find([inspection], items, found, [(problem.Task!, RectificationState.Closed)], problem.Task!.Deadline.AddDays(1)), o => o.Kind == OverdueKind.Rectification);
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void APeriodWithPaidClaimsNeverDrawn_IsMissed_OnceItsFindingsWouldHaveBeenDue()
    {
        var due = _calendar.AddWorkingDays(new DateOnly(2025, 4, 1), AllAbove100.InspectionDays);
        var paid = new[] { (_org.Unit, Quarter), (_org.Unit, new InspectionPeriod(2024, 3, 4)) };
        var drawn = new HashSet<(UnitId, string)> { (_org.Unit, "2024Q4") };

        Assert.Empty(Overdue.NotDrawn(paid, drawn, AllAbove100, _calendar, due));
        var missed = Overdue.NotDrawn(paid, drawn, AllAbove100, _calendar, due.AddDays(1)).Single();
        Assert.Equal((OverdueKind.NotDrawn, "2025Q1", (MatterId?)null, due), (missed.Kind, missed.Period, missed.Matter, missed.Deadline));
    }

    [Fact]
    [Trait("Rule", "R8")]
    public void Access_AnotherUnitSeesNothing_ADeputyDrawsNothing_OnlyTheCountyDisciplineSeesMissed()
    {
        Asker Of(string name, params Role[] roles) => new() { County = _org.County, Person = _org[name], Unit = _org.Unit, Roles = roles, Today = Today };
        var principal = Of("张建国", Role.Principal);
        var deputy = Of("王志强", Role.Deputy);
        var stranger = principal with { Unit = UnitId.New() };

        Assert.True(InspectionAccess.MaySee(principal, _org.Unit, false));
        Assert.True(InspectionAccess.MaySee(deputy, _org.Unit, false));
        Assert.False(InspectionAccess.MaySee(stranger, _org.Unit, false));
        Assert.False(InspectionAccess.MaySee(Of("孙磊", Role.Staff), _org.Unit, false));
        Assert.True(InspectionAccess.MaySee(stranger, _org.Unit, true));
        Assert.True(InspectionAccess.MayDraw(principal, _org.Unit));
        Assert.False(InspectionAccess.MayDraw(deputy, _org.Unit));
        Assert.False(InspectionAccess.MaySeeMissed(principal, false));
        Assert.True(InspectionAccess.MaySeeMissed(principal, true));
    }
}
