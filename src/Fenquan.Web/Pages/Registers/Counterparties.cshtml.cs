using Fenquan.Core.Counterparties;
using Fenquan.Web.Registers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Registers;

/// <summary>
/// 往来单位和个人 (R6): the county's register of external payees, searchable; registration by those
/// the core allows (county administrators, a unit's office and finance staff); and each person's
/// declaration of their own ties to counterparties.
/// </summary>
public sealed class CounterpartiesModel(CounterpartyService register, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public CounterpartyKind? Kind { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Identifier { get; set; }

    [BindProperty]
    public Guid? TieTo { get; set; }

    [BindProperty]
    public string? Relationship { get; set; }

    public IReadOnlyList<CounterpartyView> Entries { get; private set; } = [];

    public IReadOnlyList<(CounterpartyTie Tie, string Name)> MyTies => _myTies ??= register.MyTies(Viewer);

    private IReadOnlyList<(CounterpartyTie Tie, string Name)>? _myTies;

    public bool MayRegister => register.MayRegister(Viewer);

    public IActionResult OnGet() => Load();

    public async Task<IActionResult> OnPostRegisterAsync()
    {
        var registered = await register.RegisterAsync(Viewer, Kind, Name, Identifier);
        if (registered.Forbidden)
        {
            return Forbid();
        }

        if (!registered.Result.IsOk)
        {
            Show(registered.Result.Refusal!);
            return Load();
        }

        Notice = Text["Counterparties.Registered", registered.Result.Value.Name];
        return RedirectToPage(new { q = registered.Result.Value.Name });
    }

    public async Task<IActionResult> OnPostTieAsync()
    {
        if (TieTo is not { } id)
        {
            Show(Core.Primitives.Refusal.Invalid(Text["Counterparties.ChooseOne"]));
            return Load();
        }

        var declared = await register.DeclareTieAsync(Viewer, id, Relationship);
        if (declared.Forbidden)
        {
            return Forbid();
        }

        if (!declared.Result.IsOk)
        {
            Show(declared.Result.Refusal!);
            return Load();
        }

        Notice = Text["Counterparties.TieDeclared"];
        return RedirectToPage();
    }

    private IActionResult Load()
    {
        var list = register.List(Viewer, Q);
        if (!list.IsOk)
        {
            return NotFound();
        }

        Entries = list.Value;
        return Page();
    }
}
