using Fenquan.Core.Matters;
using Fenquan.Core.Primitives;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Matters;

/// <summary>R42: the initiator edits title, amount or payee; more money or another payee sends the matter back through approval.</summary>
public sealed class EditMatterModel(MatterService matters, Fenquan.Web.Registers.CounterpartyService counterparties, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    /// <summary>R6: the county's registered counterparties, offered as payees.</summary>
    public IReadOnlyList<Fenquan.Web.Registers.CounterpartyView> Counterparties => counterparties.List(Viewer, null) is { IsOk: true } list ? list.Value : [];

    public Matter? Matter { get; private set; }

    [BindProperty]
    public string? Title { get; set; }

    /// <summary>The amount as typed ("3000", "3,000.00", "¥3,000", "3000元", "1.2万"), read by <see cref="AmountText"/>.</summary>
    [BindProperty]
    public string? Amount { get; set; }

    [BindProperty]
    public string? PayeeName { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Title = Matter!.Title;
        Amount = Matter.Amount.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
        PayeeName = Matter.Payee.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var m = Matter!;
        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(Amount))
        {
            if (!AmountText.TryParse(Amount, out var parsed))
            {
                Show(Refusal.Invalid(Text["New.BadAmount"]));
                return Page();
            }

            amount = parsed;
        }

        var input = new EditInput
        {
            Title = Title?.Trim() == m.Title ? null : Title,
            Amount = amount == m.Amount ? null : amount,
            PayeeName = string.IsNullOrWhiteSpace(PayeeName) || PayeeName.Trim() == m.Payee.Name ? null : PayeeName,
        };
        var edited = await matters.EditAsync(Viewer, id, input);
        if (!edited.IsOk)
        {
            Show(edited.Refusal!);
            return Page();
        }

        Notice = edited.Value.Round > m.Round ? Text["Edit.BackInApproval", edited.Value.Round] : Text["Edit.Done"];
        return Redirect("/matters/" + id.ToString("D"));
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var found = await matters.GetAsync(Viewer, id);
        if (!found.IsOk || found.Value.InitiatorId != Viewer.Person)
        {
            return false;
        }

        Matter = found.Value;
        return true;
    }
}
