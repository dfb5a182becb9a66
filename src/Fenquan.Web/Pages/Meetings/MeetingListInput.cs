using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Fenquan.Data.Queries;
using Fenquan.Web.Matters;

namespace Fenquan.Web.Pages.Meetings;

/// <summary>The meeting list's search and filters as the page and the API send them: q, state, from, to (yyyy-MM-dd, the day set for), page, size.</summary>
public sealed record MeetingListInput
{
    public string? Q { get; init; }

    public string? State { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? Page { get; init; }

    public string? Size { get; init; }

    /// <summary>Whether any search or filter is given (the API then answers with a counted, numbered page).</summary>
    public bool Any => new[] { Q, State, From, To, Page, Size }.Any(v => !string.IsNullOrEmpty(v));

    /// <summary>The filter, page number and size, or the refusal naming the first bad parameter.</summary>
    public Result<(MeetingFilter Filter, int Page, int Size)> Parse()
    {
        if (Q is { Length: > MatterListInput.MaxText })
        {
            return MatterListInput.Bad("q");
        }

        MeetingState? state = null;
        if (!string.IsNullOrEmpty(State))
        {
            if (!MatterListInput.TryName<MeetingState>(State, out var parsed))
            {
                return MatterListInput.Bad("state");
            }

            state = parsed;
        }

        if (!MatterListInput.TryDay(From, out var from))
        {
            return MatterListInput.Bad("from");
        }

        if (!MatterListInput.TryDay(To, out var to) || (from is { } first && to is { } last && last < first))
        {
            return MatterListInput.Bad("to");
        }

        if (!MatterListInput.TryInt(Page, 1, 1_000_000, 1, out var page))
        {
            return MatterListInput.Bad("page");
        }

        if (!MatterListInput.TryInt(Size, 1, MatterQueries.MaxPageSize, MatterListInput.DefaultSize, out var size))
        {
            return MatterListInput.Bad("size");
        }

        return Result<(MeetingFilter, int, int)>.Ok((new MeetingFilter(string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(), state, from, to), page, size));
    }
}
