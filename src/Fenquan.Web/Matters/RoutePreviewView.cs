using System.Globalization;
using Fenquan.Core.Matters;
using Fenquan.Web.Access;
using Fenquan.Web.Pages;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Matters;

/// <summary>One step of a previewed route: its kind and actor as the route has them (as <c>StepDto</c>), worded ("第 1 步（分管副职审批）：张三"), and who is named.</summary>
public sealed record PreviewStepView(int Index, Core.Policy.StepKind Kind, string Actor, string Step, IReadOnlyList<Guid> PeopleIds, IReadOnlyList<string> People, bool Meeting, string Text);

/// <summary>
/// A route preview (issue 14) in the viewer's words, for the submission page and the JSON API alike:
/// the core decided the route and who could act (<see cref="RoutePreview"/>); this only names them.
/// </summary>
public sealed record RoutePreviewView(IReadOnlyList<PreviewStepView> Steps, IReadOnlyList<string> Rules, bool NeedsMeeting, string? Meeting, decimal Amount, string? AmountCapital)
{
    public static RoutePreviewView Of(RoutePreview preview, decimal amount, Viewer viewer, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(text);
        var steps = preview.Steps.Select(s =>
        {
            var step = text.StepAt(s.Index, s.Step);
            var people = s.People.Select(p => MatterService.NameOf(viewer, p)).ToList();
            var who = people.Count == 0 ? text["Preview.Nobody"].Value
                : s.IsMeeting ? text["Preview.Team", string.Join("、", people)].Value
                : string.Join("、", people);
            return new PreviewStepView(s.Index, s.Step.Kind, s.Step.Actor.ToString(), step, s.People.Select(p => p.Value).ToList(), people, s.IsMeeting, text["Preview.Step", step, who]);
        }).ToList();
        var rules = string.Join("、", preview.Rules);
        var meeting = !preview.NeedsMeeting ? null
            : amount > 0m ? text["Preview.Meeting", amount.ToString("#,0.##", CultureInfo.InvariantCulture), rules].Value
            : text["Preview.MeetingNoAmount", rules].Value;
        return new RoutePreviewView(steps, preview.Rules, preview.NeedsMeeting, meeting, amount, amount > 0m ? Core.Primitives.AmountText.Capital(amount) : null);
    }
}
