using Fenquan.Core.Meetings;
using static Fenquan.Core.Tests.Meetings.MeetingFixture;

namespace Fenquan.Core.Tests.Meetings;

// Issue 14 part 7: the whole team's attendance from one form, and who may speak now (R43, 末位表态).
[Trait("Rule", "R43")]
public class MeetingRecordingTests
{
    private readonly MeetingFixture _f = new();

    [Fact]
    public void AttendanceOfTheWholeTeam_IsRecordedFromOneList()
    {
        var meeting = _f.Schedule();
        _f.Add(meeting, _f.CollectiveExpense());
        _f.Open(meeting);
        var marks = Team.Select(n => new AttendanceMark(_f[n], n != "黄涛", n == "黄涛" ? "赴市里学习" : string.Empty)).ToList();

        var recorded = meeting.RecordAttendance(marks, MeetingAt);

        Assert.True(recorded.IsOk, recorded.ToString());
        Assert.Equal(Team.Length, meeting.Attendances.Count);
        Assert.Equal("赴市里学习", meeting.AttendanceOf(_f["黄涛"])!.AbsenceReason);
        Assert.Equal(Team.Length - 1, meeting.Attendances.Count(a => a.Present));
    }

    [Fact]
    public void AnAbsenceWithoutAReason_RefusesTheWholeList()
    {
        var meeting = _f.Schedule();
        _f.Add(meeting, _f.CollectiveExpense());
        _f.Open(meeting);
        var marks = Team.Select(n => new AttendanceMark(_f[n], n != "黄涛", string.Empty)).ToList();

        AssertRefused(meeting.RecordAttendance(marks, MeetingAt), "R43", "黄涛 is absent: record the reason");
        AssertRefused(meeting.RecordAttendance([], MeetingAt), "R43", "at least one member");
    }

    [Fact]
    public void MaySpeakNow_OffersTheDeputiesFirst_ThenThePrincipal_TheChairLast()
    {
        var matter = _f.CollectiveExpense();
        var meeting = _f.Schedule();
        var item = _f.Add(meeting, matter);
        _f.Open(meeting);
        Assert.Empty(meeting.MaySpeakNow(item.Id)); // attendance not yet complete
        _f.Attend(meeting, "王志强", "刘海燕", "李秀英", "张建国");

        Assert.Equal([_f["王志强"], _f["刘海燕"]], meeting.MaySpeakNow(item.Id).OrderBy(p => p == _f["王志强"] ? 0 : 1));
        _f.Said(meeting, item, "王志强");
        Assert.Equal([_f["刘海燕"]], meeting.MaySpeakNow(item.Id));
        _f.Said(meeting, item, "刘海燕");
        Assert.Equal([_f["李秀英"]], meeting.MaySpeakNow(item.Id));
        _f.Said(meeting, item, "李秀英");
        Assert.Equal([_f["张建国"]], meeting.MaySpeakNow(item.Id));
        _f.Said(meeting, item, "张建国");
        Assert.Empty(meeting.MaySpeakNow(item.Id));
    }
}
