using Fenquan.Core.Matters;
using Fenquan.Core.Meetings;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using static Fenquan.Data.Demo.DemoCounty;

namespace Fenquan.Data.Demo;

/// <summary>
/// The demo's last days, so that every official has work on first sign-in: in each unit, recent
/// matters are submitted and taken along their routes until each principal, deputy and the office
/// reviewer has <c>tasks</c> steps waiting for them. In the first unit three matters are left
/// waiting for the team: one is decided in a meeting held today whose minutes await the remaining
/// signatures, two are on the agenda of the team's next meeting, scheduled in the coming days
/// (the meeting with signed minutes is in the history, <see cref="DemoMeeting.Decide"/>).
/// </summary>
internal sealed class DemoRecentWork(DemoHistory history, int tasks)
{
    /// <summary>Matters waiting for the first unit's team: one for the meeting awaiting signatures, two for the scheduled one.</summary>
    private const int TeamMatters = 3;

    /// <summary>Draws per unit before the demo gives up (a seeded draw: it either always succeeds or always fails).</summary>
    private const int MaxDraws = 120;

    /// <summary>Seeds the recent work; returns how many matters it submitted.</summary>
    public async Task<int> SeedAsync(IReadOnlyList<(UnitId Id, string Name)> units, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var clock = history.Clock;
        var start = clock.GetUtcNow();
        var step = (now - start) / (units.Count * 16);
        history.Pace = step / 4 / TimeSpan.FromDays(1);
        var drawn = 0;
        var waitingForTeam = new List<Matter>();
        foreach (var (unit, name) in units)
        {
            var officials = history.People.Where(p => p.Unit == unit && p.Role is Role.Principal or Role.Deputy or Role.OfficeReviewer).Select(p => p.Id);
            var owed = officials.ToDictionary(p => p, _ => tasks);
            var teamWanted = unit == units[0].Id ? TeamMatters : 0;
            for (var draw = 0; owed.Values.Any(n => n > 0) || waitingForTeam.Count < teamWanted; draw++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (draw == MaxDraws)
                {
                    throw new InvalidOperationException($"The demo found no recent work for everyone of {name} in {MaxDraws} matters.");
                }

                clock.MoveTo(start + (step * drawn++));
                var (submitted, _) = await history.SubmitAsync(unit);
                var left = await history.AdvanceAsync(submitted, int.MaxValue, reject: false, giveBack: false, leaveWaiting: (matter, actors) =>
                {
                    if (matter.WaitsForTeam)
                    {
                        return waitingForTeam.Count < teamWanted;
                    }

                    var owedHere = actors.Where(p => owed.GetValueOrDefault(p) > 0).ToList();
                    foreach (var person in owedHere)
                    {
                        owed[person]--;
                    }

                    return owedHere.Count > 0;
                });
                if (left.WaitsForTeam && waitingForTeam.Count < teamWanted)
                {
                    waitingForTeam.Add(left);
                }
            }
        }

        if (waitingForTeam.Count == TeamMatters)
        {
            await MeetingsAsync(waitingForTeam, now);
        }

        return drawn;
    }

    /// <summary>R43: a meeting held on the first matter today whose minutes some members have signed, and the next meeting scheduled with the other two.</summary>
    private async Task MeetingsAsync(IReadOnlyList<Matter> waiting, DateTimeOffset now)
    {
        var county = history.County.Id;
        Ok(await history.Store.Writer.ExecuteAsync(county, "demo.meeting_held", ctx =>
        {
            var matter = MatterOperations.Load(ctx, waiting[0].Id)!;
            var meeting = DemoMeeting.Hold(matter, ctx.UnitView(matter.UnitId), ctx.Now, approve: true, unsigned: DemoMeeting.Unsigned);
            ctx.Db.Add(meeting);
            return Result<Meeting>.Ok(meeting);
        }));

        // Two working days on (the official calendar: never a weekend or a holiday), at 09:00 Beijing
        // time: dated ahead, as a meeting to come is.
        var day = new Core.Calendar.WorkingCalendar(Core.Calendar.OfficialCalendars.Shipped).AddWorkingDays(DateOnly.FromDateTime(now.UtcDateTime), 2);
        var scheduledAt = new DateTimeOffset(day, new TimeOnly(1, 0), TimeSpan.Zero);
        Ok(await history.Store.Writer.ExecuteAsync(county, "demo.meeting_scheduled", ctx =>
        {
            var matters = waiting.Skip(1).Select(m => MatterOperations.Load(ctx, m.Id)!).ToList();
            var meeting = DemoMeeting.Schedule(matters, ctx.UnitView(matters[0].UnitId), scheduledAt, ctx.Now);
            ctx.Db.Add(meeting);
            return Result<Meeting>.Ok(meeting);
        }));
    }
}
