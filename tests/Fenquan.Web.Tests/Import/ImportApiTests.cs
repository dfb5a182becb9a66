using System.Net;
using System.Net.Http.Headers;
using Fenquan.Core.Organization.Import;
using Fenquan.Testing;

namespace Fenquan.Web.Tests.Import;

/// <summary>
/// R1–R3 through the API: a county administrator posts the workbook itself and gets the report;
/// a refused row answers 422 naming it, with nothing changed; the same file again changes nothing;
/// a .csv of one kind works; nobody else may import.
/// </summary>
[Trait("Rule", "R1")]
public sealed class ImportApiTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static ByteArrayContent Body(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return content;
    }

    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Fact]
    public async Task TheCountyAdministratorImports_ARefusedRowIs422_AgainNothing_AndStaffAreForbidden()
    {
        var admin = await _app.SignInAsync("admin");
        var staff = await _app.SignInAsync("u1.staff1");
        var sample = new OrganizationSample(3, 50);
        var before = await _app.CountsAsync();

        var forbidden = await staff.PostAsync("/api/v1/import", Body(sample.Workbook(), Xlsx));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("R1.ImportsByCountyAdministrators", (await forbidden.ReadAsync()).GetProperty("key").GetString());

        sample.People[49][ImportTemplate.IdNumber] = "110105194912310020";
        var refused = await admin.PostAsync("/api/v1/import", Body(sample.Workbook(), Xlsx));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        // The person's row is named first; their membership, naming someone not imported, after it.
        var problems = (await refused.ReadAsync()).GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(["R1.InvalidIdNumber", "R1.UnknownPerson"], problems.Select(p => p.GetProperty("key").GetString()));
        var problem = problems[0];
        Assert.Equal(("人员", 51, ImportTemplate.IdNumber, "R1.InvalidIdNumber"),
            (problem.GetProperty("sheet").GetString(), problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString(), problem.GetProperty("key").GetString()));
        Assert.Equal(before, await _app.CountsAsync());

        sample = new OrganizationSample(3, 50);
        var imported = await admin.PostAsync("/api/v1/import", Body(sample.Workbook(), Xlsx));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        var report = await imported.ReadAsync();
        Assert.Equal((true, 3, 50), (report.GetProperty("written").GetBoolean(), report.GetProperty("units").GetInt32(), report.GetProperty("people").GetInt32()));
        var after = await _app.CountsAsync();
        Assert.NotEqual(before, after);

        var again = await (await admin.PostAsync("/api/v1/import", Body(sample.Workbook(), Xlsx))).ReadAsync();
        Assert.True(again.GetProperty("changesNothing").GetBoolean());
        Assert.Equal(after, await _app.CountsAsync());

        // One kind as .csv: a new section for each unit.
        var sections = System.Text.Encoding.UTF8.GetBytes("单位名称,股室名称\n第1镇,档案室\n第2局,档案室\n");
        var csv = await (await admin.PostAsync("/api/v1/import?kind=Sections", Body(sections, "text/csv"))).ReadAsync();
        Assert.Equal(2, csv.GetProperty("sections").GetInt32());
    }
}
