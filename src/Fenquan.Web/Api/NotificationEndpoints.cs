using Fenquan.Core.Meetings;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;
using Fenquan.Web.Pages.Meetings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Fenquan.Web.Api;

public sealed record NotificationListDto(int Unread, IReadOnlyList<NotificationView> Items);

public sealed record DecisionRulesDto(int Version, string SetBy, DateTimeOffset? SetAt, DecisionRulesInput Rules);

/// <summary>
/// JSON API v1 around meetings (R43): the signed-in person's notifications, their declared
/// relatives, and the county's rules of decision. Same services and checks as the pages.
/// </summary>
public static class NotificationEndpoints
{
    public static void MapNotificationApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1", "Meetings");

        api.MapGet("/notifications", (Caller caller, DbSession session, FenquanStore store, IStringLocalizer<MeetingResource> meetingText, IStringLocalizer<SharedResource> text) =>
            {
                var notifications = new NotificationService(session, store, meetingText, text);
                return Results.Ok(new NotificationListDto(notifications.UnreadCount(caller.Viewer), notifications.List(caller.Viewer)));
            })
            .WithSummary("My notifications, newest first, with the unread count");

        api.MapPost("/notifications/{id:guid}/read", async (Caller caller, DbSession session, FenquanStore store, IStringLocalizer<MeetingResource> meetingText, IStringLocalizer<SharedResource> text, Guid id) =>
            {
                var read = await new NotificationService(session, store, meetingText, text).MarkReadAsync(caller.Viewer, id);
                return read.IsOk ? Results.Ok(read.Value) : Problems.Result(read.Refusal!);
            })
            .WithSummary("Mark one of my notifications read (another person's does not exist for me)");

        api.MapGet("/relatives", (Caller caller, DbSession session, FenquanStore store) =>
                Results.Ok(new RelativeService(session, store).List(caller.Viewer)))
            .WithSummary("The relatives I declared (亲属关系申报)");

        api.MapPost("/relatives", async (Caller caller, DbSession session, FenquanStore store, [FromBody] RelativeInput input) =>
            {
                var declared = await new RelativeService(session, store).DeclareAsync(caller.Viewer, input);
                return declared.Result.IsOk
                    ? Results.Created("/api/v1/relatives", new { id = declared.Result.Value.Id, relativeId = declared.Result.Value.RelativeId.Value, relationship = declared.Result.Value.Relationship })
                    : Problems.Result(declared.Result.Refusal!, declared.Forbidden);
            })
            .WithSummary("Declare a relative of mine (relativeId, relationship: Spouse, Child, Parent, Sibling, Other); meetings recuse them (R43)");

        api.MapGet("/county/decision-rules", (Caller caller, DbSession session, FenquanStore store) =>
                Results.Ok(ToDto(new DecisionRulesService(session, store).Current(caller.Viewer))))
            .WithSummary("The county's rules of decision in force (defaults until the county sets its own)");

        api.MapPut("/county/decision-rules", async (Caller caller, DbSession session, FenquanStore store, [FromBody] DecisionRulesInput input) =>
            {
                var set = await new DecisionRulesService(session, store).SetAsync(caller.Viewer, input);
                return set.Result.IsOk
                    ? Results.Ok(ToDto(new DecisionRulesView(set.Result.Value.Rules, set.Result.Value.Version, set.Result.Value.SetBy, set.Result.Value.SetAt)))
                    : Problems.Result(set.Result.Refusal!, set.Forbidden);
            })
            .WithSummary("Set the county's rules of decision (county administrator; never below R43's floor); later meetings freeze them");
    }

    private static DecisionRulesDto ToDto(DecisionRulesView view) => new(view.Version, view.SetBy, view.SetAt, DecisionRulesInput.From(view.Rules));
}
