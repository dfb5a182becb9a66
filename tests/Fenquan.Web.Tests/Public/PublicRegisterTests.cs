using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests.Public;

/// <summary>
/// R24 in public: without signing in, anyone finds the county's approval items — searchable by words
/// and by handling unit — and reads each one's content, procedure steps with their limits, legal
/// basis, promised limit in working days, fee standard and required documents.
/// </summary>
[Trait("Rule", "R24")]
public sealed class PublicRegisterTests : IAsyncLifetime
{
    private WebApp _app = null!;

    public async ValueTask InitializeAsync() => _app = await WebApp.StartAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<(Guid County, Dictionary<string, Guid> Units)> CountyAsync()
    {
        await using var db = _app.Db();
        var county = await db.Counties.Select(c => c.Id).SingleAsync();
        var units = await db.Units.Where(u => u.CountyId == county).ToDictionaryAsync(u => u.Name, u => u.Id.Value);
        return (county.Value, units);
    }

    [Fact]
    public async Task TheRegister_IsPublic_Searchable_ByWordsAndByUnit()
    {
        var (county, units) = await CountyAsync();
        var anonymous = _app.NewClient();

        var all = await anonymous.GetAsync($"/public/{county}/items");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var html = await all.Content.ReadAsStringAsync();
        Assert.Contains("农村村民宅基地审批", html);
        Assert.Contains("民办学校设立审批", html);

        var found = await anonymous.GetStringAsync($"/public/{county}/items?q=" + Uri.EscapeDataString("宅基地"));
        Assert.Contains("农村村民宅基地审批", found);
        Assert.DoesNotContain("民办学校设立审批", found);

        // By unit: only the items that unit handles.
        var (unitName, unitId) = units.First();
        var ofUnit = await anonymous.GetStringAsync($"/public/{county}/items?unit={unitId}");
        var rows = System.Text.RegularExpressions.Regex.Matches(ofUnit, "<tr><td[^>]*>QH-XK-").Count;
        Assert.InRange(rows, 1, 11);
        Assert.Equal(rows, System.Text.RegularExpressions.Regex.Matches(ofUnit, "<td[^>]*>" + System.Text.RegularExpressions.Regex.Escape(System.Net.WebUtility.HtmlEncode(unitName)) + "</td>").Count);

        Assert.Contains("没有找到", await anonymous.GetStringAsync($"/public/{county}/items?q=" + Uri.EscapeDataString("不存在的事项")));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/{Guid.NewGuid()}/items")).StatusCode);
    }

    [Fact]
    public async Task AnItemPage_PublishesContentProcedureLegalBasisLimitFeeAndDocuments()
    {
        var (county, _) = await CountyAsync();
        var anonymous = _app.NewClient();

        var page = await anonymous.GetAsync($"/public/{county}/items/QH-XK-001");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("依申请办理农村村民宅基地审批", html);          // content
        Assert.Contains("《中华人民共和国土地管理法》第六十二条", html);      // legal basis
        Assert.Contains("20个工作日", html);                          // promised limit, in working days
        Assert.Contains("不收费", html);                              // fee standard
        Assert.Contains("申请人身份证明", html);                       // required documents
        Assert.Contains("<span data-user>审查</span> · 17个工作日", html); // each step with its limit (its name as the register has it)

        Assert.Contains("受理 · 5个工作日", html);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/public/{county}/items/QH-XK-999")).StatusCode);
    }
}
