using Fenquan.Core.Construction;
using Fenquan.Core.Finance;
using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Ocds;
using Fenquan.Core.Organization;
using Fenquan.Data.Ledger;
using Fenquan.Data.Demo;
using Fenquan.Data.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Operations;

public class DemoCountyTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_SeedsFiveUnitsWithFullTeams_MattersInEveryAreaAndState_AndVerifies(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var info = await DemoCounty.SeedAsync(database.Data, database.Settings, database.Time, new DemoOptions { Matters = 150 });

        Assert.Equal(5, info.Units.Count);
        await using var db = database.Context();
        var matters = await db.Matters.AsNoTracking().ToListAsync();
        Assert.True(matters.Count > 150, $"150 matters of history and the recent work: {matters.Count}");
        foreach (var area in new[] { Area.Finance, Area.Personnel, Area.Procurement, Area.Construction, Area.AdministrativeApproval })
        {
            Assert.Contains(matters, m => m.Area == area);
        }

        foreach (var state in Enum.GetValues<MatterState>())
        {
            Assert.Contains(matters, m => m.State == state);
        }

        Assert.Equal(2, info.People.Count(p => p.Unit == info.Units[0].Id && p.Role == Role.Principal));
        Assert.All(info.Units, u => Assert.Equal(5, info.People.Where(p => p.Unit == u.Id).SelectMany(p => p.Portfolio).Distinct().Count()));
        var audit = await database.AuditAsync();
        Assert.True(audit.IsIntact);
        Assert.True(audit.Entries > 500);
    }

    /// <summary>
    /// Issue 12: the demo is dated in the past of the server's now — its matters, actions, meetings,
    /// budgets and signed heads — except the meeting to come; a step waits at most a few weeks; and
    /// the first unit has a meeting in every state: held with signed minutes, held with minutes
    /// awaiting signatures (some signed, some not), and scheduled in the coming days with matters
    /// waiting for the team on its agenda.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_IsDatedBeforeNow_WaitsWeeksAtMost_AndHasAMeetingInEveryState(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var now = database.Time.GetUtcNow();

        var info = await DemoCounty.SeedAsync(database.Data, database.Settings, database.Time, new DemoOptions { Matters = 60 });

        await using var db = database.Context();
        var matters = await db.Matters.AsNoTracking().Include(m => m.Actions).ToListAsync();
        Assert.True(matters.Count > 60, "the recent work comes on top of the history");
        Assert.Equal(info.Matters, matters.Count);
        Assert.All(matters, m => Assert.InRange(m.SubmittedAt, now.AddDays(-301), now));
        Assert.All(matters.SelectMany(m => m.Actions), a => Assert.True(a.At <= now, $"an action at {a.At:u}"));
        Assert.All(await db.Set<Budget>().AsNoTracking().ToListAsync(), b => Assert.True(b.Year <= now.Year, $"a budget for {b.Year}"));
        Assert.All(await db.Set<TreeHeadRow>().AsNoTracking().ToListAsync(), h => Assert.True(h.At <= now, $"a tree head at {h.At:u}"));

        // R46: every step still waiting began within the last weeks (overdue by days, never by months).
        var pending = matters.Where(m => m.State == MatterState.Pending).ToList();
        Assert.NotEmpty(pending);
        Assert.All(pending, m => Assert.True(m.Actions.Select(a => a.At).Append(m.SubmittedAt).Max() >= now.AddDays(-DemoCounty.InFlightDays), $"{m.Title} waits since {m.SubmittedAt:u}"));

        var meetings = await db.Set<Meeting>().AsNoTracking().Include(m => m.Items).Include(m => m.Members)
            .Include(m => m.MinutesRecords).ThenInclude(r => r.Signatures).ToListAsync();
        Assert.All(meetings.Where(m => m.State != MeetingState.Scheduled), m => Assert.True(m.ScheduledAt <= now && m.ClosedAt <= now, $"{m.Title} held at {m.ScheduledAt:u}"));
        Assert.All(meetings, m => Assert.True(m.CreatedAt <= now));
        var first = info.Units[0].Id;
        var ofFirst = meetings.Where(m => m.UnitId == first).ToList();

        Assert.Contains(ofFirst, m => m.State == MeetingState.Bound && m.MinutesAreFinal);

        var awaiting = Assert.Single(ofFirst, m => m.State == MeetingState.Closed);
        var minutes = awaiting.MinutesRecords.Single();
        Assert.NotEmpty(minutes.Signatures);
        Assert.Equal(DemoMeeting.Unsigned, minutes.Content.RequiredSigners.Count - minutes.Signatures.Count);

        var scheduled = Assert.Single(ofFirst, m => m.State == MeetingState.Scheduled);
        Assert.InRange(scheduled.ScheduledAt, now, now.AddDays(7));
        Assert.Equal(2, scheduled.Items.Count);
        Assert.All(scheduled.Items, i => Assert.True(matters.Single(m => m.Id == i.MatterId).WaitsForTeam));
        Assert.DoesNotContain(meetings, m => m.State == MeetingState.Scheduled && m.Id != scheduled.Id);
        Assert.True((await database.AuditAsync()).IsIntact);
    }

    /// <summary>
    /// R19–R22: the demo has a construction project in the first unit, taken through the real
    /// operations to its contract and a first payment, so its notice and its OCDS releases show the
    /// whole procedure, each release valid OCDS 1.1.5.
    /// </summary>
    [Theory]
    [Trait("Rule", "R20")]
    [Trait("Rule", "R21")]
    [Trait("Rule", "R22")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_HasAConstructionProjectUnderContract_PublishedAsValidOcds(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var info = await DemoCounty.SeedAsync(database.Data, database.Settings, database.Time, new DemoOptions { Matters = 20, OpenTasksPerPerson = 0 });

        await using var db = database.Context();
        var project = Assert.Single(await db.Set<ConstructionProject>().AsNoTracking().Include(p => p.Bids).ToListAsync());
        Assert.Equal((info.Units[0].Id, ConstructionStage.Contracted, 3), (project.UnitId, project.Stage, project.Bids.Count));
        Assert.Equal(info.Matters, await db.Matters.CountAsync());

        var ocid = OcdsPrefix.Demo + "-" + project.Id.ToString("D");
        var record = OcdsPublication.RecordPackage(db, info.County, OcdsPrefix.Demo, "https://demo.example", ocid)!;
        Assert.Equal(["tender", "tenderUpdate", "award", "contract", "implementation"], record["records"]![0]!["releases"]!.AsArray().Select(r => (string)r!["tag"]![0]!));
        Ocds.OcdsPublicationTests.AssertValid(OcdsPublication.All(db, info.County, OcdsPrefix.Demo, "https://demo.example"));

        Assert.True((await database.AuditAsync()).IsIntact);
    }
}
