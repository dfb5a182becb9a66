using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;
using Fenquan.Web.Api;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Pages.Meetings;

/// <summary>
/// 亲属关系申报: a person declares their own relatives among the county's people and sees their
/// declarations; a meeting opened afterwards recuses a declared relative of an item's initiator,
/// payee or person concerned (R43).
/// </summary>
public sealed class RelativesModel(DbSession session, FenquanStore store, IStringLocalizer<MeetingResource> meetingText, IStringLocalizer<SharedResource> text) : FenquanPage(text)
{
    private readonly RelativeService _relatives = new(session, store);

    public IReadOnlyList<RelativeView> Declared { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> People { get; private set; } = [];

    /// <summary>What the form showed when a declaration was refused, so the person can correct it.</summary>
    public Guid? RelativeId { get; private set; }

    public RelationshipKind? Relationship { get; private set; }

    public void OnGet() => Load();

    public async Task<IActionResult> OnPostAsync(Guid? relativeId, RelationshipKind? relationship)
    {
        var declared = await _relatives.DeclareAsync(Viewer, new RelativeInput { RelativeId = relativeId, Relationship = relationship });
        if (declared.Result.IsOk)
        {
            Notice = meetingText["Done.RelativeDeclared"];
            return Redirect("/relatives");
        }

        // Bad input or a person not of the county: said in the page's language; a rule's refusal names the rule.
        var refusal = declared.Result.Refusal!;
        Error = refusal.RuleId switch
        {
            Refusal.InvalidId => meetingText["Relatives.Invalid"],
            Refusal.NotFoundId => meetingText["Relatives.UnknownPerson"],
            _ => Problems.Message(refusal),
        };
        Response.StatusCode = Problems.StatusOf(refusal, declared.Forbidden);
        RelativeId = relativeId;
        Relationship = relationship;
        Load();
        return Page();
    }

    private void Load()
    {
        Declared = _relatives.List(Viewer);
        People = Viewer.Person is null ? [] : _relatives.People(Viewer);
    }
}
