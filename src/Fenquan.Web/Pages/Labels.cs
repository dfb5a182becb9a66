using System.Globalization;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages;

/// <summary>Names of the core's values in the viewer's language (from the resource files).</summary>
public static class Labels
{
    public static string Of(this IStringLocalizer text, Area value) => text["Area." + value];

    public static string Of(this IStringLocalizer text, Role value) => text["Role." + value];

    public static string Of(this IStringLocalizer text, MatterKind value) => text["Kind." + value];

    public static string Of(this IStringLocalizer text, MatterState value) => text["State." + value];

    public static string Of(this IStringLocalizer text, StepKind value) => text["Step." + value];

    public static string Of(this IStringLocalizer text, ActionKind value) => text["Action." + value];

    public static string Of(this IStringLocalizer text, ActorSpec actor) =>
        actor.Kind == ActorKind.NamedRole && actor.Role is { } role ? text.Of(role) : text["Actor." + actor.Kind];

    /// <summary>A step as people say it ("分管副职审批"), in the request's language.</summary>
    public static string Step(this IStringLocalizer text, RouteStep step) =>
        Documents.Language.RefusalText.Shared.StepName(step.Kind.ToString(), step.Actor.ToString()) ?? text.Of(step.Actor) + " · " + text.Of(step.Kind);

    /// <summary>A step with its place on the route ("第 2 步（分管副职审批）"); <paramref name="index"/> counts from 0.</summary>
    public static string StepAt(this IStringLocalizer text, int index, RouteStep step) =>
        Documents.Language.RefusalText.Shared.NumberedStep(index + 1, text.Step(step));

    public static string Yuan(decimal amount) => "¥" + amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>A matter's amount, or "—" for a kind of matter that carries none (a personnel matter, say).</summary>
    public static string Amount(Core.Matters.Matter matter) =>
        Core.Matters.MatterRules.RequiresAmount(matter.Kind) || matter.Amount != 0m ? Yuan(matter.Amount) : "—";

    public static string When(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, China).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly TimeZoneInfo China = FindChina();

    private static TimeZoneInfo FindChina()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("CST", TimeSpan.FromHours(8), "CST", "CST");
        }
    }
}
