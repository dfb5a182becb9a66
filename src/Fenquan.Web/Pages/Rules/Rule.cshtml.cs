using Fenquan.Core.Primitives;
using Fenquan.Documents.Language;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fenquan.Web.Pages.Rules;

/// <summary>
/// One rule of SPEC.md explained in plain words (<c>/rules/R43</c>), in the viewer's language: the
/// page every refusal and every matter's rule reference links to. Public, like the rules themselves.
/// </summary>
[AllowAnonymous]
public sealed class RuleModel : PageModel
{
    public RuleDefinition Rule { get; private set; } = null!;

    /// <summary>The rule's short name in the viewer's language ("集体决策").</summary>
    public string Name { get; private set; } = string.Empty;

    public IActionResult OnGet(string id)
    {
        if (RuleCatalog.Find(id) is not { } rule)
        {
            return NotFound();
        }

        Rule = rule;
        Name = RefusalText.Shared.RuleName(rule.Id) ?? rule.Title;
        return Page();
    }
}
