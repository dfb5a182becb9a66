using Fenquan.Core.Primitives;
using Fenquan.Web.Public;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Public;

/// <summary>The public entrance: each county's register of approval items, and the follow-up of an application.</summary>
public sealed class PublicIndexModel(PublicRegisterService registers, IStringLocalizer<SharedResource> text) : PublicPage(text)
{
    public IReadOnlyList<(CountyId Id, string Name)> Counties { get; private set; } = [];

    public void OnGet() => Counties = registers.Counties();
}
