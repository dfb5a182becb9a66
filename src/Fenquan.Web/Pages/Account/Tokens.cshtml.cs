using Fenquan.Core.Access;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Account;

/// <summary>My API tokens for integrations: create (the secret shown once), list, revoke.</summary>
public sealed class TokensModel(ApiTokenOperations tokens, DbSession session, Clock clock, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The secret of the token just made: on this response only, never stored.</summary>
    public string? Secret { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    [BindProperty]
    public DateOnly? ExpiresOn { get; set; }

    public DateOnly Today => clock.Today;

    public DateTimeOffset Now => clock.Now;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (Viewer.Person is not { } me)
        {
            return Forbid();
        }

        if (ExpiresOn is not { } day)
        {
            Show(Refusal.Invalid(Text["Tokens.ChooseExpiry"]));
            await LoadAsync();
            return Page();
        }

        // The end of the chosen day in China time.
        var expires = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var created = await tokens.CreateAsync(Viewer.County, me, Name ?? string.Empty, Scopes, expires);
        if (!created.IsOk)
        {
            Show(created.Refusal!);
            await LoadAsync();
            return Page();
        }

        // No redirect: the secret is shown on this response and never again; the page is not cached.
        Secret = created.Value.Secret;
        Response.Headers.CacheControl = "no-store";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (Viewer.Person is not { } me)
        {
            return Forbid();
        }

        var revoked = await tokens.RevokeAsync(Viewer.County, new ApiTokenId(id), me);
        if (!revoked.IsOk)
        {
            Show(revoked.Refusal!);
            await LoadAsync();
            return Page();
        }

        Notice = Text["Tokens.Revoked", revoked.Value.Name];
        return Redirect("/account/tokens");
    }

    private async Task LoadAsync() =>
        Tokens = Viewer.Person is { } me ? await ApiTokenOperations.ListAsync(session.Db, Viewer.County, me) : [];
}
