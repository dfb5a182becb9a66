using Fenquan.Core.Primitives;
using Fenquan.Documents.Language;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fenquan.Web.Pages.Rules;

/// <summary>Every rule (R1–R33, R40–R47) with its short name, each linking to its explanation.</summary>
[AllowAnonymous]
public sealed class RulesIndexModel : PageModel
{
    public IReadOnlyList<(string Id, string Name)> Rules { get; private set; } = [];

    public void OnGet() => Rules = RuleCatalog.Rules.Select(r => (r.Id, RefusalText.Shared.RuleName(r.Id) ?? r.Title)).ToList();
}
