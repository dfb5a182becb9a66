using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Fenquan.Core.Attachments;
using Fenquan.Core.Ledger;
using Fenquan.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Tests.Attachments;

/// <summary>
/// Vouchers and documents: the type is the content's, not the name's; oversize uploads get 413;
/// only those who may see the matter download it, served as the detected type, never sniffed; the
/// bytes must still match the ledgered hash (R44). Refusals change nothing.
/// </summary>
public sealed class AttachmentTests : IAsyncLifetime
{
    private WebApp _app = null!;
    private HttpClient _clerk = null!;
    private Guid _matter;

    public async ValueTask InitializeAsync()
    {
        _app = await WebApp.StartAsync();
        _clerk = await _app.SignInAsync("u1.staff1");
        var submitted = await _clerk.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "下乡调研交通费", amount = 3000m, payMe = true });
        _matter = (await submitted.ReadAsync()).GetProperty("id").GetGuid();
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static byte[] Png(string marker) => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Encoding.UTF8.GetBytes("IHDR fake image " + marker)];

    private static MultipartFormDataContent Upload(byte[] bytes, string fileName, string claimedType = "application/pdf")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(claimedType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private async Task<(int Ledger, int Matters, int Actions, int Attachments)> CountsAsync()
    {
        var (ledger, matters, actions) = await _app.CountsAsync();
        await using var db = _app.Db();
        return (ledger, matters, actions, await db.Set<Attachment>().CountAsync());
    }

    [Fact]
    public async Task PngRenamedPdf_IsAccepted_LedgeredByHash_AndServedAsPng()
    {
        var bytes = Png("renamed");
        var before = await CountsAsync();
        var response = await _clerk.PostAsync($"/api/v1/matters/{_matter}/attachments", Upload(bytes, "发票.pdf"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await response.ReadAsync();
        Assert.Equal("image/png", created.GetProperty("contentType").GetString());
        var hash = created.GetProperty("contentHash").GetString()!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), hash);
        var after = await CountsAsync();
        Assert.Equal(before.Attachments + 1, after.Attachments);
        Assert.Equal(before.Ledger + 1, after.Ledger);
        await using (var db = _app.Db())
        {
            var rows = await db.LedgerEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Take(3).ToListAsync();
            Assert.Contains(rows, r => LedgerEntry.Parse(r.Bytes).Data.Contains(hash, StringComparison.Ordinal));
        }

        var list = await (await _clerk.GetAsync($"/api/v1/matters/{_matter}/attachments")).ReadAsync();
        Assert.Contains(list.EnumerateArray(), a => a.GetProperty("contentHash").GetString() == hash);

        var download = await _clerk.GetAsync(created.GetProperty("download").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());

        // The office, who acts on the matter now, sees it on the matter page too.
        var office = await _app.SignInAsync("u1.office");
        Assert.Contains("发票.pdf", await office.GetStringAsync($"/matters/{_matter}"));
    }

    [Fact]
    public async Task ExeRenamedPdf_Is400_AndChangesNothing()
    {
        byte[] exe = [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];
        var before = await CountsAsync();
        var response = await _clerk.PostAsync($"/api/v1/matters/{_matter}/attachments", Upload(exe, "voucher.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Invalid", (await response.ReadAsync()).GetProperty("rule").GetString());
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData(11L * 1024 * 1024)] // refused before it is read (declared length)
    [InlineData(10L * 1024 * 1024 + 100)] // within the multipart overhead: streamed, then refused by the store's limit
    public async Task OversizeUpload_Is413WithProblemDetails_AndChangesNothing(long size)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        var before = await CountsAsync();
        var response = await _clerk.PostAsync($"/api/v1/matters/{_matter}/attachments", Upload(bytes, "big.pdf"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Strangers_CannotUploadListOrDownload()
    {
        var created = await (await _clerk.PostAsync($"/api/v1/matters/{_matter}/attachments", Upload(Png("stranger"), "receipt.png", "image/png"))).ReadAsync();
        var download = created.GetProperty("download").GetString()!;
        foreach (var user in new[] { "u1.staff2", "u2.staff1", "u2.principal1" })
        {
            var stranger = await _app.SignInAsync(user);
            var before = await CountsAsync();
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(download)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/matters/{_matter}/attachments")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/matters/{_matter}/attachments", Upload(Png("x" + user), "x.png"))).StatusCode);
            Assert.Equal(before, await CountsAsync());
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.NewClient().GetAsync(download)).StatusCode);
        // An attachment id under another matter's path is not found either.
        var other = (await (await _clerk.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "另一事项", amount = 100m, payMe = true })).ReadAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await _clerk.GetAsync($"/api/v1/matters/{other}/attachments/{created.GetProperty("id").GetGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Download_WhenStoredBytesNoLongerMatchTheLedgeredHash_IsRefusedNamingR44()
    {
        var created = await (await _clerk.PostAsync($"/api/v1/matters/{_matter}/attachments", Upload(Png("tampered"), "tampered.png", "image/png"))).ReadAsync();
        var store = new AttachmentStore(DataDirectory.Resolve(_app.DataFolder));
        await File.WriteAllBytesAsync(store.PathOf(created.GetProperty("contentHash").GetString()!), Png("changed afterwards"), TestContext.Current.CancellationToken);
        var response = await _clerk.GetAsync(created.GetProperty("download").GetString());
        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal("R44", (await response.ReadAsync()).GetProperty("rule").GetString());
    }

    [Fact]
    [Trait("Rule", "R1")]
    public async Task AnotherUnitsTamperedAttachment_AskedUnderOnesOwnMatter_IsNotFound_AndNotNamed()
    {
        // Unit 2's voucher, whose stored bytes no longer match: its R44 refusal names the file, so it
        // must never be opened for someone who may not see its matter.
        var outsider = await _app.SignInAsync("u2.staff1");
        var theirs = (await (await outsider.PostAsJsonAsync("/api/v1/matters", new { kind = "Expense", title = "二单位差旅费", amount = 800m, payMe = true })).ReadAsync()).GetProperty("id").GetGuid();
        var created = await (await outsider.PostAsync($"/api/v1/matters/{theirs}/attachments", Upload(Png("unit two"), "二单位机密凭证.png", "image/png"))).ReadAsync();
        var store = new AttachmentStore(DataDirectory.Resolve(_app.DataFolder));
        await File.WriteAllBytesAsync(store.PathOf(created.GetProperty("contentHash").GetString()!), Png("changed"), TestContext.Current.CancellationToken);

        var response = await _clerk.GetAsync($"/api/v1/matters/{_matter}/attachments/{created.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("二单位机密凭证", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatterPage_UploadForm_AcceptsAVoucher_AndExplainsARefusedType()
    {
        var page = await _clerk.GetStringAsync($"/matters/{_matter}");
        Assert.Contains("data-testid=\"attach-form\"", page);
        Assert.Contains("enctype=\"multipart/form-data\"", page);

        MultipartFormDataContent Form(byte[] bytes, string name)
        {
            var form = Upload(bytes, name);
            form.Add(new StringContent(WebApp.Token(page)), "__RequestVerificationToken");
            return form;
        }

        var before = await CountsAsync();
        var refused = await _clerk.PostAsync($"/matters/{_matter}?handler=Attach", Form([(byte)'M', (byte)'Z', 1, 2, 3, 4, 5, 6, 7, 8], "假发票.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("不是 PDF、JPEG 或 PNG", await refused.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountsAsync());

        var accepted = await _clerk.PostAsync($"/matters/{_matter}?handler=Attach", Form("%PDF-1.4\n%voucher page form\n"u8.ToArray(), "车票.pdf"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("车票.pdf", await _clerk.GetStringAsync($"/matters/{_matter}"));
    }
}
