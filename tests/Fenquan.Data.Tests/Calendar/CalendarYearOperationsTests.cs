using Fenquan.Core.Calendar;
using Fenquan.Core.CountyChanges;
using Fenquan.Data.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Calendar;

// R46 under four eyes (R40), on SQLite and PostgreSQL: a county administrator adds 2027's notice;
// until a second county official confirms it, 2027 counts Monday to Friday; edits are ledgered.
public class CalendarYearOperationsTests
{
    private static readonly CountyOfficial Admin = new("admin", "王强");
    private static readonly CountyOfficial Admin2 = new("admin2", "李静");

    private static readonly CalendarYear Year2027 = new(2027, "国务院办公厅关于2027年部分节假日安排的通知",
        [new OfficialHoliday("元旦", new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 3))], []);

    [Theory]
    [Trait("Rule", "R46")]
    [Trait("Rule", "R40")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AYear_TakesEffectWhenASecondOfficialConfirms_AndEachYearHasItsOwnLine(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await Operations.TestCounty.CreateAsync(database);
        var changes = new CountyChangeOperations(database.Writer);
        var inspector = (await county.Organization.AddPersonAsync(county.County, "钱正清")).Value.Id;
        Assert.True((await changes.NameDisciplineInspectionAsync(county.County, inspector, Admin)).IsOk);
        var newYear = new DateOnly(2027, 1, 1);

        var proposed = await changes.ProposeAsync(county.County, CountyChangeSubject.WorkingCalendarYear, Year2027.ToJson(), "录入2027年节假日安排", Admin);
        Assert.True(proposed.IsOk, proposed.ToString());
        Assert.Equal(CalendarYear.SubjectIdOf(2027), proposed.Value.SubjectId);

        // An edit of 2026 proposed meanwhile is its own line: it does not supersede 2027's proposal.
        var shipped2026 = OfficialCalendars.Shipped.Single(y => y.Year == 2026);
        var edit = await changes.ProposeAsync(county.County, CountyChangeSubject.WorkingCalendarYear, (shipped2026 with { Source = shipped2026.Source + "（国办发明电〔2025〕7号）" }).ToJson(), "补充2026年通知文号", Admin);
        Assert.True(edit.IsOk, edit.ToString());

        await using (var db = database.Context())
        {
            var calendar = CountyChangeOperations.CalendarInForce(db, county.County);
            Assert.False(calendar.IsLoaded(2027));
            Assert.True(calendar.IsWorkingDay(newYear)); // a Friday, Monday to Friday until confirmed
        }

        Assert.Equal("R40.ProposerCannotConfirm", (await changes.ConfirmAsync(county.County, proposed.Value.Id, Admin)).Refusal?.Key);
        Assert.True((await changes.ConfirmAsync(county.County, proposed.Value.Id, Admin2)).IsOk);

        await using (var db = database.Context())
        {
            var calendar = CountyChangeOperations.CalendarInForce(db, county.County);
            Assert.True(calendar.IsLoaded(2027));
            Assert.False(calendar.IsWorkingDay(newYear));
            Assert.True(calendar.IsLoaded(2026)); // the shipped year stays in force while its edit waits
            Assert.Equal(shipped2026.Source, calendar.Years.Single(y => y.Year == 2026).Source);
            Assert.Equal(CountyChangeState.Pending, (await db.Set<CountyChange>().SingleAsync(c => c.Id == edit.Value.Id)).State);

            // Ledgered: the proposal and its confirmation are entries of the county's log.
            Assert.Equal(2, await db.LedgerEntries.CountAsync(e => e.CountyId == county.County.Value && e.SubjectId == proposed.Value.Id));
        }
    }

    [Theory]
    [Trait("Rule", "R46")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AWeekdayAsAnAdjustedWorkingDay_IsRefused_NothingLedgered(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var county = await Operations.TestCounty.CreateAsync(database);
        var changes = new CountyChangeOperations(database.Writer);
        await using var before = database.Context();
        var entries = await before.LedgerEntries.CountAsync();

        var refused = await changes.ProposeAsync(county.County, CountyChangeSubject.WorkingCalendarYear, (Year2027 with { AdjustedWorkingDays = [new DateOnly(2027, 2, 3)] }).ToJson(), "错误", Admin);

        Assert.Equal("R46.AdjustedDayNotWeekend", refused.Refusal?.Key);
        await using var after = database.Context();
        Assert.Equal(entries, await after.LedgerEntries.CountAsync());
    }
}
