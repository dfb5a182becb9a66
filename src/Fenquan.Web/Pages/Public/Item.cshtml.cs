using Fenquan.Core.Licensing;
using Fenquan.Web.Public;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Public;

/// <summary>R24: one approval item in public — content, procedure steps with their limits, legal basis, promised limit, fee standard, documents.</summary>
public sealed class PublicItemModel(PublicRegisterService registers, IStringLocalizer<SharedResource> text) : PublicPage(text)
{
    public PublicRegister Register { get; private set; } = null!;

    public ApprovalItemEntry Item { get; private set; } = null!;

    public IActionResult OnGet(Guid county, string code)
    {
        if (registers.Read(county) is not { } register || register.Register.Find(code) is not { } item)
        {
            return NotFound();
        }

        (Register, Item) = (register, item);
        return Page();
    }
}
