using Fenquan.Core.CountyChanges;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Core.Tests.Matters;
using Fenquan.Core.Tests.Meetings;

namespace Fenquan.Core.Tests.Policy;

/// <summary>
/// R40: a new version of a unit's policy is proposed by the unit administrator (周敏, the office),
/// agreed by the team in a meeting whose minutes are final, and approved at the county by two
/// different officials; it takes effect no earlier than the second approval.
/// </summary>
public sealed class PolicyProposalTests
{
    private static readonly DateOnly ProposalDay = DateOnly.FromDateTime(TestOrg.Now.DateTime);
    private static readonly DateOnly ApprovalDay = new(2025, 3, 25);
    private static readonly DateTimeOffset ApprovalAt = new(2025, 3, 25, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly CountyOfficial Admin = new("admin", "县管理员");
    private static readonly CountyOfficial Admin2 = new("admin2", "县管理员二");

    private readonly MeetingFixture _f = new();
    private readonly PersonId _discipline = PersonId.New();

    private Unit Unit => new(_f.Org.Unit, _f.Org.County, "城关镇", UnitKind.Township);

    private static PolicyDocument Document(DateOnly effectiveFrom) =>
        DefaultPolicy.Create(new UnitLimits(4_000m, 2_000m, 5_000m), CountyBounds.Default, effectiveFrom: effectiveFrom);

    private Result<PolicyProposal> Propose(DateOnly? effectiveFrom = null, string proposer = "周敏", bool isUnitAdministrator = true, PolicyDocument? document = null, params PolicyProposal[] open)
    {
        var doc = document ?? Document(effectiveFrom ?? ProposalDay);
        var failures = PolicyVerifier.Verify(doc, CountyBounds.Default).Failures.Select(f => f.ToString()).ToList();
        return PolicyProposal.Propose(Unit, new PolicyProposer(_f[proposer], isUnitAdministrator), "小额支出限额提高到4000元", doc.EffectiveFrom, PolicyJson.Write(doc), failures, open, _f.View, ProposalDay, TestOrg.Now);
    }

    private PolicyProposal Proposed(DateOnly? effectiveFrom = null, params PolicyProposal[] open)
    {
        var proposed = Propose(effectiveFrom, open: open);
        Assert.True(proposed.IsOk, proposed.ToString());
        return proposed.Value;
    }

    /// <summary>The whole team present agrees, deputies first and the chair last; the chair records it; with <paramref name="sign"/> everyone signs the minutes.</summary>
    private Meeting AgreedMeeting(PolicyProposal proposal, bool sign = true)
    {
        var meeting = _f.Schedule();
        var item = meeting.AddPolicyItem(proposal, [], TestOrg.Now);
        Assert.True(item.IsOk, item.ToString());
        _f.Open(meeting);
        _f.Attend(meeting, MeetingFixture.Team);
        foreach (var name in MeetingFixture.Team)
        {
            _f.Said(meeting, item.Value, name);
        }

        var approved = meeting.ApprovePolicyItem(item.Value.Id, _f["张建国"], _f.View, MeetingFixture.MeetingAt.AddHours(1));
        Assert.True(approved.IsOk, approved.ToString());
        var minutes = meeting.DrawUpMinutes(MeetingFixture.MeetingAt.AddHours(2));
        Assert.True(minutes.IsOk, minutes.ToString());
        if (sign)
        {
            foreach (var name in MeetingFixture.Team)
            {
                Assert.True(meeting.SignMinutes(minutes.Value.Id, _f[name], null, _ => null, MeetingFixture.MeetingAt.AddHours(3)).IsOk);
            }
        }

        return meeting;
    }

    private PolicyProposal Agreed(DateOnly? effectiveFrom = null)
    {
        var proposal = Proposed(effectiveFrom);
        var agreed = proposal.RecordAgreement(AgreedMeeting(proposal), MeetingFixture.MeetingAt.AddHours(4));
        Assert.True(agreed.IsOk, agreed.ToString());
        return proposal;
    }

    private Result<PolicyApproval> Approve(PolicyProposal proposal, CountyOfficial official, CountyChange? pending = null, PersonId? person = null, DateOnly? day = null) =>
        proposal.ApproveAtCounty(official, person, pending, [_discipline], nextNumber: 2, _f.View, day ?? ApprovalDay, ApprovalAt);

    [Fact]
    [Trait("Rule", "R40")]
    public void TheUnitAdministratorAlone_NeverPutsAVersionInForce()
    {
        var proposal = Proposed();

        Assert.Equal(PolicyProposalState.Proposed, proposal.State);
        Assert.Null(proposal.VersionId);
        var refused = Approve(proposal, Admin);
        MeetingFixture.AssertRefused(refused, "R40");
        Assert.Equal("R40.ProposalNotWaiting", refused.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void SomeoneNotTheUnitAdministrator_CannotPropose()
    {
        var refused = Propose(proposer: "张建国", isUnitAdministrator: false);

        Assert.Equal("R40.OnlyUnitAdministratorProposes", refused.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void AnUnsafeVersion_CannotEvenBeProposed()
    {
        var safe = Document(ProposalDay);
        var gapped = safe with { Rules = [.. safe.Rules.Skip(1)] };

        var refused = Propose(document: gapped);

        Assert.Equal("R40.FailedVerification", refused.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void AnEffectiveDateInThePast_IsRefusedAtProposal()
    {
        var refused = Propose(ProposalDay.AddDays(-30));

        Assert.Equal("R40.EffectiveBeforeApproval", refused.Refusal!.Key);
        Assert.Equal("2025-02-10", refused.Refusal.Argument("requested"));
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void TheVersion_TakesEffectNoEarlierThanTheSecondApproval()
    {
        var proposal = Agreed(effectiveFrom: ProposalDay);
        var first = Approve(proposal, Admin);
        Assert.True(first.IsOk, first.ToString());
        Assert.Null(first.Value.Version);
        Assert.Equal(PolicyProposalState.CountyApprovedOnce, proposal.State);

        var second = Approve(proposal, Admin2, first.Value.Change);

        Assert.True(second.IsOk, second.ToString());
        Assert.Equal(PolicyProposalState.Approved, proposal.State);
        Assert.Equal(ApprovalDay, second.Value.Version!.EffectiveFrom); // requested 03-12, approved 03-25
        Assert.Equal(proposal.Id, second.Value.Version.ProposalId);
        Assert.Equal(ApprovalDay, PolicyJson.Parse(second.Value.Version.DocumentJson).Value.EffectiveFrom);
        Assert.Equal(2, PolicyJson.Parse(second.Value.Version.DocumentJson).Value.Version);
        Assert.Equal(CountyChangeState.Confirmed, second.Value.Change.State);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void ALaterRequestedDate_IsKept()
    {
        var later = ApprovalDay.AddDays(10);
        var proposal = Agreed(effectiveFrom: later);
        var first = Approve(proposal, Admin).Value;

        var second = Approve(proposal, Admin2, first.Change);

        Assert.Equal(later, second.Value.Version!.EffectiveFrom);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void TheSameCountyOfficial_CannotApproveTwice()
    {
        var proposal = Agreed();
        var first = Approve(proposal, Admin).Value;

        var again = Approve(proposal, new CountyOfficial("ADMIN", "县管理员"), first.Change);

        Assert.Equal("R40.ProposerCannotConfirm", again.Refusal!.Key);
        Assert.Equal(PolicyProposalState.CountyApprovedOnce, proposal.State);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void OnePersonBehindTwoAccounts_CannotApproveTwice()
    {
        var proposal = Agreed();
        var person = PersonId.New();
        var first = Approve(proposal, Admin, person: person).Value;

        var again = Approve(proposal, Admin2, first.Change, person);

        Assert.Equal("R40.SameCountyOfficialTwice", again.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void AnOfficialOfTheUnit_CannotApproveItsPolicy()
    {
        var proposal = Agreed();

        var refused = Approve(proposal, Admin, person: _f["李秀英"]);

        Assert.Equal("R40.ApproverOfTheUnit", refused.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R29")]
    public void WithoutADisciplineInspectionToNotify_TheCountyDoesNotApprove()
    {
        var proposal = Agreed();

        var refused = proposal.ApproveAtCounty(Admin, null, null, [], 2, _f.View, ApprovalDay, ApprovalAt);

        Assert.Equal("R29.NoCountyDisciplineInspection", refused.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R43")]
    public void MinutesNotYetSignedByAll_AreNoAgreement()
    {
        var proposal = Proposed();
        var meeting = AgreedMeeting(proposal, sign: false);

        var refused = proposal.RecordAgreement(meeting, MeetingFixture.MeetingAt.AddHours(4));

        Assert.Equal("R43.MinutesNotFinal", refused.Refusal!.Key);
        Assert.Equal(PolicyProposalState.Proposed, proposal.State);
    }

    [Fact]
    [Trait("Rule", "R43")]
    public void AMeetingThatDidNotApproveTheProposal_IsNoAgreement()
    {
        var proposal = Proposed();
        var other = Proposed(open: proposal); // supersedes the first; the meeting decides the second
        var meeting = AgreedMeeting(other);

        var refused = proposal.RecordAgreement(meeting, MeetingFixture.MeetingAt.AddHours(4));

        Assert.Equal("R40.ProposalNotWaiting", refused.Refusal!.Key);
        Assert.True(other.RecordAgreement(meeting, MeetingFixture.MeetingAt.AddHours(4)).IsOk);
    }

    [Fact]
    [Trait("Rule", "R43")]
    public void AMeetingWithoutTheProposalsItem_IsNoAgreement()
    {
        var proposal = Proposed();
        var (meeting, _) = _f.ApprovedMeeting(_f.CollectiveExpense());

        var refused = proposal.RecordAgreement(meeting, MeetingFixture.MeetingAt.AddHours(4));

        Assert.Equal("R43.NoApprovedPolicyItem", refused.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R43")]
    public void APolicyItem_IsDecidedByQuorumAndMajority_AndNotRecordedByItsProposer()
    {
        var proposal = Proposed();
        var meeting = _f.Schedule();
        var item = meeting.AddPolicyItem(proposal, [], TestOrg.Now).Value;
        _f.Open(meeting);
        _f.Attend(meeting, MeetingFixture.Team);
        foreach (var name in MeetingFixture.Team)
        {
            _f.Said(meeting, item, name, name is "王志强" or "刘海燕" or "陈明" or "杨伟" or "赵丽" ? OpinionKind.Disagree : OpinionKind.Agree);
        }

        var byProposer = meeting.ApprovePolicyItem(item.Id, _f["周敏"], _f.View, MeetingFixture.MeetingAt.AddHours(1));
        Assert.Equal("R43.NotTheRecorder", byProposer.Refusal!.Key);
        var noMajority = meeting.ApprovePolicyItem(item.Id, _f["张建国"], _f.View, MeetingFixture.MeetingAt.AddHours(1));
        Assert.Equal("R43.PolicyNoMajority", noMajority.Refusal!.Key);
        Assert.True(meeting.RejectPolicyItem(item.Id, "限额调整依据不足", _f["张建国"], _f.View, MeetingFixture.MeetingAt.AddHours(1)).IsOk);
        Assert.Null(meeting.ApprovedPolicyItem(proposal.Id));
    }

    [Fact]
    [Trait("Rule", "R43")]
    public void AProposal_IsOnOneUndecidedItemAtATime()
    {
        var proposal = Proposed();
        var first = _f.Schedule();
        Assert.True(first.AddPolicyItem(proposal, [], TestOrg.Now).IsOk);
        var second = _f.Schedule();

        var refused = second.AddPolicyItem(proposal, [first], TestOrg.Now);

        Assert.Equal("R43.PolicyAlreadyTabled", refused.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void ASupersededProposal_CannotBeApproved()
    {
        var proposal = Agreed();
        var newer = Proposed(open: proposal);

        var refused = Approve(proposal, Admin);

        Assert.Equal(PolicyProposalState.Superseded, proposal.State);
        Assert.Equal("R40.ProposalSuperseded", refused.Refusal!.Key);
        Assert.Equal(newer.Id.ToString(), proposal.Steps[^1].Reference);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void AWithdrawnProposal_CannotBeAgreedOrApproved()
    {
        var proposal = Proposed();
        Assert.True(proposal.Withdraw(new PolicyProposer(_f["周敏"], true), "限额另行研究", _f.View, ProposalDay, TestOrg.Now).IsOk);

        var refused = proposal.RecordAgreement(_f.Schedule(), TestOrg.Now);

        Assert.Equal(PolicyProposalState.Withdrawn, proposal.State);
        Assert.Equal("R40.ProposalNotWaiting", refused.Refusal!.Key);
    }

    [Fact]
    [Trait("Rule", "R40")]
    public void OnlyTheFirstVersionOfAUnit_IsBootstrapped()
    {
        var document = PolicyJson.Write(Document(ProposalDay));

        Assert.True(PolicyVersion.Bootstrap(Unit, 1, ProposalDay, document, [], TestOrg.Now).IsOk);
        Assert.Equal("R40.BootstrapOnlyFirst", PolicyVersion.Bootstrap(Unit, 2, ProposalDay, document, [], TestOrg.Now).Refusal!.Key);
    }
}
