using Fenquan.Core.Calendar;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Licensing;
using Fenquan.Core.Notifications;
using Fenquan.Core.Supervision;
using Fenquan.Data.Operations;
using Fenquan.Data.Tests.Operations;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Tests.Citizens;

// Applications and complaints through the real operations, on SQLite and PostgreSQL (R24, R32, R46):
// every row ledgered, the code kept as a hash, red cards escalated once, complaints routed.
public class CitizenOperationsTests
{
    private static readonly CountyOfficial Admin = new("admin", "王强");
    private static readonly CountyOfficial Admin2 = new("admin2", "李静");
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private static async Task<(TestCounty County, ApplicationOperations Applications, ComplaintOperations Complaints, Core.Primitives.PersonId Inspector)> SetupAsync(TestDatabase database)
    {
        var county = await TestCounty.CreateAsync(database);
        var changes = new CountyChangeOperations(database.Writer);
        var inspector = (await county.Organization.AddPersonAsync(county.County, "钱正清")).Value.Id;
        Assert.True((await changes.NameDisciplineInspectionAsync(county.County, inspector, Admin)).IsOk);
        var register = ApprovalItemRegister.Create([new ApprovalItemEntry("QH-XK-001", "农村村民宅基地审批", "《中华人民共和国土地管理法》第六十二条", 20, "不收费", false,
            "宅基地", [new ProcedureStep("审查", 15), new ProcedureStep("决定", 5)], ["申请书", "身份证明"], county.Unit.Value)]).Value;
        var proposed = await changes.ProposeAsync(county.County, CountyChangeSubject.ApprovalItemRegister, register.ToJson(), "首版", Admin);
        Assert.True((await changes.ConfirmAsync(county.County, proposed.Value.Id, Admin2)).IsOk);
        return (county, new ApplicationOperations(database.Writer), new ComplaintOperations(database.Writer), inspector);
    }

    private static DocumentFile File(string document, string name, byte[] bytes) => new(document, name, new MemoryStream(bytes));

    // A PNG by its magic bytes, with content of its own.
    private static byte[] Png(byte fill) => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Repeat(fill, 1024)];

    [Theory]
    [Trait("Rule", "R24")]
    [Trait("Rule", "R44")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task FilesForRequiredDocuments_AreHandedInWithTheApplicationAndTheCorrection_StoredByHash_AndLedgered(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, _, _, _) = await SetupAsync(database);
        var applications = new ApplicationOperations(database.Writer, new Storage.AttachmentStore(database.Data));
        var applicant = new Applicant(ApplicantKind.Person, "王小明", "11010519491231002X", string.Empty);

        // A file that is no PDF, JPEG or PNG, or one for a document the item does not require, refuses the whole application.
        var notAnImage = await applications.SubmitAsync(county.County, "QH-XK-001", applicant, ["申请书"], IdentityCheck.NotVerified, Monday, [File("申请书", "申请书.txt", "申请书"u8.ToArray())]);
        Assert.False(notAnImage.IsOk);
        var notRequired = await applications.SubmitAsync(county.County, "QH-XK-001", applicant, ["申请书"], IdentityCheck.NotVerified, Monday, [File("房产证", "房产证.png", Png(1))]);
        Assert.False(notRequired.IsOk);
        await using (var db = database.Context())
        {
            Assert.Empty(await db.Set<ApprovalApplication>().ToListAsync());
            Assert.Empty(await db.Set<ApplicationDocument>().ToListAsync());
        }

        var submitted = await applications.SubmitAsync(county.County, "QH-XK-001", applicant, ["申请书"], IdentityCheck.NotVerified, Monday, [File("申请书", "申请书.png", Png(1))]);
        Assert.True(submitted.IsOk, submitted.ToString());
        var (application, code) = (submitted.Value.Application, submitted.Value.FollowUpCode);
        var calendar = new WorkingCalendar(OfficialCalendars.Shipped);
        Assert.True((await applications.ActAsync(county.County, application.Id, "application.correction-requested", (a, org, now, _) => a.RequestCorrection(county["周杰"], ["身份证明"], org, now, Monday, calendar))).IsOk);

        await using (var reader = database.Context())
        {
            var corrected = await applications.CorrectAsync(reader, application.ReceiptNumber, code, ["身份证明"], Monday, [File("身份证明", "身份证.png", Png(2))]);
            Assert.True(corrected.IsOk, corrected.ToString());
        }

        await using var after = database.Context();
        var files = ApplicationOperations.DocumentsOf(after, county.County, application.Id);
        Assert.Equal([("申请书", "申请书.png"), ("身份证明", "身份证.png")], files.Select(f => (f.Document, f.FileName)));
        Assert.All(files, f => Assert.Equal(("image/png", county.Unit), (f.ContentType, f.UnitId)));
        var (_, content) = applications.OpenDocument(after, county.County, application.Id, files[1].Id)!.Value;
        using (var read = new MemoryStream())
        {
            await content.CopyToAsync(read);
            await content.DisposeAsync();
            Assert.Equal(Png(2), read.ToArray());
        }

        Assert.Null(applications.OpenDocument(after, county.County, Guid.NewGuid(), files[1].Id)); // another application's id does not open it
        Assert.True(await after.LedgerEntries.AnyAsync(e => e.SubjectId == files[0].Id));
        await database.AssertLedgerIntactAsync();
    }

    [Theory]
    [Trait("Rule", "R24")]
    [Trait("Rule", "R46")]
    [Trait("Rule", "R44")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnApplication_IsLedgered_FollowedByCodeOnly_AndItsRedCardEscalatesOnce(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, applications, _, _) = await SetupAsync(database);

        var submitted = await applications.SubmitAsync(county.County, "QH-XK-001", new Applicant(ApplicantKind.Person, "王小明", "11010519491231002X", string.Empty), ["申请书", "身份证明"], IdentityCheck.NotVerified, Monday);
        Assert.True(submitted.IsOk, submitted.ToString());
        var (application, code) = (submitted.Value.Application, submitted.Value.FollowUpCode);

        await using (var db = database.Context())
        {
            Assert.NotNull(await ApplicationOperations.FollowAsync(db, application.ReceiptNumber, code));
            Assert.Null(await ApplicationOperations.FollowAsync(db, application.ReceiptNumber, code + "X"));
            Assert.Null(await ApplicationOperations.FollowAsync(db, "2026030299999999", code));
            Assert.True(await db.LedgerEntries.AnyAsync(e => e.SubjectId == application.Id));
            var entries = await db.LedgerEntries.Where(e => e.SubjectId == application.Id).Select(e => e.Bytes).ToListAsync();
            Assert.DoesNotContain(entries, bytes => System.Text.Encoding.UTF8.GetString(bytes).Contains(code, StringComparison.Ordinal));
        }

        Assert.True((await applications.ActAsync(county.County, application.Id, "application.accepted", (a, org, now, _) => a.Accept(county["周杰"], org, now, Monday))).IsOk);

        // Sixteen working days later the first step's fifteen are exceeded: one red card, told once to the discipline member.
        var calendar = new WorkingCalendar(OfficialCalendars.Shipped);
        var late = calendar.AddWorkingDays(Monday, 16);
        Assert.Equal(0, (await applications.ReportRedCardsAsync(county.County, calendar.AddWorkingDays(Monday, 15), LimitWatch.Default)).Value);
        Assert.Equal(1, (await applications.ReportRedCardsAsync(county.County, late, LimitWatch.Default)).Value);
        Assert.Equal(0, (await applications.ReportRedCardsAsync(county.County, late.AddDays(1), LimitWatch.Default)).Value);
        await using var after = database.Context();
        var notice = await after.Set<Notification>().SingleAsync(n => n.Kind == NotificationKind.RedCard);
        Assert.Equal(county["郑洁"], notice.RecipientId);
    }

    [Theory]
    [Trait("Rule", "R32")]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AComplaintAboutAPrincipal_ReachesOnlyTheCountyInspection(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (county, _, complaints, inspector) = await SetupAsync(database);

        var filed = await complaints.FileAsync(county.County, new ComplaintFiling(county.Unit, county["王建国"], "推诿拖延", "赵六", ComplaintChannel.PublicForm), Monday);
        Assert.True(filed.IsOk, filed.ToString());
        Assert.Equal((ComplaintRoute.CountyDisciplineInspection, inspector), (filed.Value.Complaint.Route, filed.Value.Complaint.HandlerId));

        await using var db = database.Context();
        Assert.Empty(await ComplaintOperations.VisibleToAsync(db, county.County, county["王建国"], Monday));
        Assert.Empty(await ComplaintOperations.VisibleToAsync(db, county.County, county["郑洁"], Monday));
        Assert.Single(await ComplaintOperations.VisibleToAsync(db, county.County, inspector, Monday));
        Assert.Equal(inspector, (await db.Set<Notification>().SingleAsync(n => n.Kind == NotificationKind.ComplaintFiled)).RecipientId);

        var hotline = await complaints.FileAsync(county.County, new ComplaintFiling(county.Unit, county["周杰"], "窗口超时", string.Empty, ComplaintChannel.Hotline12345, "GD001", null, county["吴斌"]), Monday);
        Assert.Equal((ComplaintRoute.UnitDiscipline, county["郑洁"]), (hotline.Value.Complaint.Route, hotline.Value.Complaint.HandlerId));
        await using var later = database.Context();
        Assert.Empty(await ComplaintOperations.VisibleToAsync(later, county.County, county["周杰"], Monday));
        Assert.Single(await ComplaintOperations.VisibleToAsync(later, county.County, county["郑洁"], Monday));
    }
}
