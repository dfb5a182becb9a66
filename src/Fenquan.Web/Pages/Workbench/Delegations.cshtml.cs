using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Web.Api;
using Fenquan.Web.Delegations;
using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using DelegationRow = Fenquan.Core.Delegation.Delegation;

namespace Fenquan.Web.Pages.Workbench;

/// <summary>Delegation while away (代理): delegate my steps for a period to a colleague; list, revoke.</summary>
public sealed class DelegationsModel(DelegationService delegations, Clock clock, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public IReadOnlyList<DelegationRow> Given { get; private set; } = [];

    public IReadOnlyList<DelegationRow> Received { get; private set; } = [];

    /// <summary>Colleagues of the unit today (the core decides who may receive which role).</summary>
    public IReadOnlyList<PersonId> Colleagues { get; private set; } = [];

    [BindProperty]
    public Guid? DelegateId { get; set; }

    [BindProperty]
    public Role? Role { get; set; }

    [BindProperty]
    public List<Area> Areas { get; set; } = [];

    [BindProperty]
    public DateOnly? FromDay { get; set; }

    [BindProperty]
    public DateOnly? UntilDay { get; set; }

    public DateOnly Today => clock.Today;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        // Days in China time: from the start of the first day to the end of the last.
        var from = FromDay is { } f && f > clock.Today ? Start(f) : clock.Now;
        DateTimeOffset? until = UntilDay is { } u ? Start(u.AddDays(1)) : null;
        var created = await delegations.CreateAsync(Viewer, new DelegateInput(DelegateId, Role, Areas, from, until));
        if (!created.IsOk)
        {
            Show(created.Refusal!);
            await LoadAsync();
            return Page();
        }

        Notice = Text["Delegation.Created", MatterNames(created.Value.DelegateId)];
        return Redirect("/workbench/delegations");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        var revoked = await delegations.RevokeAsync(Viewer, id);
        if (!revoked.IsOk)
        {
            Show(revoked.Refusal!);
            await LoadAsync();
            return Page();
        }

        Notice = Text["Delegation.Revoked"];
        return Redirect("/workbench/delegations");
    }

    public string MatterNames(PersonId person) => Viewer.Org?.NameOf(person) ?? person.ToString();

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));

    private async Task LoadAsync()
    {
        (Given, Received) = await delegations.MineAsync(Viewer);
        if (Viewer.Org is { } org && Viewer.Unit is { } unit && Viewer.Person is { } me)
        {
            Colleagues = Enum.GetValues<Role>().SelectMany(r => org.PeopleWithRole(unit, r, Viewer.Today)).Distinct().Where(p => p != me).OrderBy(org.NameOf, StringComparer.Ordinal).ToList();
        }
    }
}
