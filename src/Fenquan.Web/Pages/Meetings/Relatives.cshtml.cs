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

    public void OnGet() => Load();

    public async Task<IActionResult> OnPostAsync(Guid? relativeId, RelationshipKind? relationship)
    {
        var declared = await _relatives.DeclareAsync(Viewer, new RelativeInput { RelativeId = relativeId, Relationship = relationship });
        if (declared.Result.IsOk)
        {
            Notice = meetingText["Done.RelativeDeclared"];
            return Redirect("/relatives");
        }

        var refusal = declared.Result.Refusal!;
        Error = Problems.Message(refusal, Text);
        Response.StatusCode = Problems.StatusOf(refusal, declared.Forbidden);
        Load();
        return Page();
    }

    private void Load()
    {
        Declared = _relatives.List(Viewer);
        People = Viewer.Person is null ? [] : _relatives.People(Viewer);
    }
}
