using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Web.Api;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Matters;

/// <summary>A matter: its route, who acted when, comments, and the actions the viewer may take (the server checks anyway).</summary>
public sealed class MatterDetailsModel(MatterService matters, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    public Matter? Matter { get; private set; }

    public IReadOnlyList<ActionKind> Available { get; private set; } = [];

    public IReadOnlyList<string> WaitingFor { get; private set; } = [];

    public bool IsInitiator => Matter is not null && Matter.InitiatorId == Viewer.Person;

    public bool NeedsReference => Matter?.CurrentStep is { } step
        && (step.Kind is StepKind.CollectiveDecision or StepKind.HandOff or StepKind.PublicNotice || step.Actor.Kind is ActorKind.Team or ActorKind.External);

    [BindProperty]
    public string? Action { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? Reference { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostActAsync(Guid id)
    {
        if (!Enum.TryParse<ActionKind>(Action, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            return await ShowAsync(id, Refusal.Invalid(Text["Matter.ChooseAction"]), forbidden: false);
        }

        var outcome = await matters.ActAsync(Viewer, id, new ActInput { Action = kind, Comment = Comment, Reference = Reference });
        if (!outcome.Result.IsOk)
        {
            return await ShowAsync(id, outcome.Result.Refusal!, outcome.Forbidden);
        }

        Notice = Text["Matter.Done", Text.Of(kind)];
        return Redirect("/matters/" + id.ToString("D"));
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id)
    {
        var change = await matters.WithdrawAsync(Viewer, id);
        if (!change.IsOk)
        {
            return await ShowAsync(id, change.Refusal!, forbidden: false);
        }

        Notice = Text["Matter.Withdrawn"];
        return Redirect("/matters/" + id.ToString("D"));
    }

    public async Task<IActionResult> OnPostResubmitAsync(Guid id)
    {
        var change = await matters.ResubmitAsync(Viewer, id);
        if (!change.IsOk)
        {
            return await ShowAsync(id, change.Refusal!, forbidden: false);
        }

        Notice = Text["Matter.Resubmitted"];
        return Redirect("/matters/" + id.ToString("D"));
    }

    private async Task<IActionResult> ShowAsync(Guid id, Refusal refusal, bool forbidden)
    {
        if (refusal.IsNotFound || !await LoadAsync(id))
        {
            return NotFound();
        }

        Error = Problems.Message(refusal, Text);
        Response.StatusCode = Problems.StatusOf(refusal, forbidden);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var found = await matters.GetAsync(Viewer, id);
        if (!found.IsOk)
        {
            return false;
        }

        Matter = found.Value;
        Available = MatterService.AvailableActions(Viewer, Matter);
        WaitingFor = Viewer.Org is null ? [] : Matter.WhoMayActNow(Viewer.Org).Select(Viewer.Org.NameOf).ToList();
        return true;
    }
}
