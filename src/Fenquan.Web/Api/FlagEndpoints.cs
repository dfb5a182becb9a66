using Fenquan.Core.Flags;
using Fenquan.Web.Flags;
using Fenquan.Web.Matters;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

/// <summary>A red flag (R47) with its evidence and, once cleared, who cleared it, when and why.</summary>
public sealed record FlagDto(Guid Id, Guid MatterId, RedFlagKind Kind, SplitBasis? Basis, decimal? Limit, decimal? Total, IReadOnlyList<Guid> OtherMatters, DateTimeOffset RaisedAt,
    bool Cleared, Guid? ClearedBy, DateTimeOffset? ClearedAt, string? ClearReason)
{
    public static FlagDto Of(RedFlag f) =>
        new(f.Id, f.MatterId.Value, f.Kind, f.Basis, f.Limit, f.Total, [.. f.RelatedMatters.Select(m => m.Value)], f.RaisedAt, f.IsCleared, f.ClearedBy?.Value, f.ClearedAt, f.ClearReason);
}

/// <summary>The matter's flags, and whether the caller may clear them now.</summary>
public sealed record MatterFlagsDto(Guid MatterId, bool MayClear, IReadOnlyList<FlagDto> Flags);

/// <summary>The reason a flag is cleared with (R47: required).</summary>
public sealed record ClearFlagInput(string? Reason);

/// <summary>Counts per unit and kind, and the latest flags, as far as the caller may see them counted.</summary>
public sealed record FlagOverviewDto(IReadOnlyList<UnitFlagCount> Counts, IReadOnlyList<FlagDto> Flags);

/// <summary>
/// JSON API v1 for red flags (R47): raised at submission (and approval), shown on the matter to
/// everyone who sees it, cleared with a written reason by whoever may act on the matter now, counted
/// per unit. The same operations and checks as the pages.
/// </summary>
public static class FlagEndpoints
{
    public static void MapFlagApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1", "Flags");

        api.MapGet("/matters/{id:guid}/flags", async (Caller caller, MatterService matters, FlagService flags, Guid id) =>
            {
                var matter = await matters.GetAsync(caller.Viewer, id);
                if (!matter.IsOk)
                {
                    return Problems.Result(matter.Refusal!);
                }

                var panel = flags.Of(caller.Viewer, matter.Value);
                return Results.Ok(new MatterFlagsDto(id, panel.MayClear, [.. panel.Flags.Select(FlagDto.Of)]));
            })
            .WithSummary("The matter's red flags (R47): split purchase, threshold hugging, fast approval, repeated supplier");

        api.MapPost("/matters/{id:guid}/flags/{flagId:guid}/clear", async (Caller caller, FlagService flags, Guid id, Guid flagId, [FromBody] ClearFlagInput input) =>
            {
                var cleared = await flags.ClearAsync(caller.Viewer, id, flagId, input.Reason);
                return cleared.Result.IsOk ? Results.Ok(FlagDto.Of(cleared.Result.Value)) : Problems.Result(cleared.Result.Refusal!, cleared.Forbidden);
            })
            .WithSummary("Clear a red flag with a written reason (R47): whoever may act on the matter's current step, or once none waits the unit's discipline member; never the submitter");

        api.MapGet("/flags", async (Caller caller, FlagService flags) =>
                await flags.OverviewAsync(caller.Viewer) is { } overview
                    ? Results.Ok(new FlagOverviewDto(overview.Counts, [.. overview.Flags.Select(FlagDto.Of)]))
                    : Results.Forbid())
            .WithSummary("Red flags counted per unit, and the latest ones: the county's for its administrators and discipline inspection, the unit's for its team, office and discipline member");
    }
}
