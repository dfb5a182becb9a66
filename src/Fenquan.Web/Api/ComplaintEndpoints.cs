using Fenquan.Core.Supervision;
using Fenquan.Web.Citizens;

namespace Fenquan.Web.Api;

/// <summary>A complaint as its handler reads it (R32).</summary>
public sealed record ComplaintDto(Guid Id, string ReceiptNumber, Guid UnitId, ComplaintChannel Channel, string HotlineOrder, string Text, ComplaintRoute Route, Guid HandlerId, Guid? AboutId, DateTimeOffset FiledAt, int LimitWorkingDays, string Reply, ServiceRating? Rating)
{
    public static ComplaintDto Of(EfficiencyComplaint c) =>
        new(c.Id, c.ReceiptNumber, c.UnitId.Value, c.Channel, c.HotlineOrder, c.Text, c.Route, c.HandlerId.Value, c.AboutId?.Value, c.FiledAt, c.Limit.Days, c.Reply, c.Rating);
}

/// <summary>JSON API v1 for efficiency complaints (R32): the same service and core access rule as the pages — the person complained of never reads one.</summary>
public static class ComplaintEndpoints
{
    public static void MapComplaintApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/complaints")
            .RequireAuthorization(ApiAuthentication.Policy)
            .AddEndpointFilter(ApiTokenValidator.RequireScope)
            .WithTags("Complaints")
            .DisableAntiforgery();

        api.MapGet("/", async (Caller caller, ComplaintService complaints) => Results.Ok((await complaints.VisibleAsync(caller.Viewer)).Select(ComplaintDto.Of).ToList()))
            .WithSummary("The complaints the caller handles (R32)");

        api.MapGet("/{id:guid}", async (Guid id, Caller caller, ComplaintService complaints) =>
            {
                var found = await complaints.GetAsync(caller.Viewer, id);
                return found.IsOk ? Results.Ok(ComplaintDto.Of(found.Value)) : Problems.Result(found.Refusal!);
            })
            .WithSummary("One complaint, for its handler; not found for anyone else (R32)");
    }
}
