using Fenquan.Core.Licensing;
using Fenquan.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Public;

/// <summary>R24: the county's approval items in public, searchable by words and by the unit that handles them.</summary>
public sealed class PublicItemsModel(PublicRegisterService registers, IStringLocalizer<SharedResource> text) : PublicPage(text)
{
    public PublicRegister Register { get; private set; } = null!;

    public IReadOnlyList<ApprovalItemEntry> Found { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Unit { get; set; }

    public IActionResult OnGet(Guid county)
    {
        if (registers.Read(county) is not { } register)
        {
            return NotFound();
        }

        Register = register;
        Found = register.Register.Search(Q, Unit);
        return Page();
    }
}
