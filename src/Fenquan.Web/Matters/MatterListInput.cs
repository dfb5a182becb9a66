using System.Globalization;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Queries;

namespace Fenquan.Web.Matters;

/// <summary>
/// A matter list's search and filters as the page's form and the API's query string send them
/// (all text, so that a bad value is refused with its name rather than silently dropped):
/// q, area, state, min, max, from, to (yyyy-MM-dd), overdue, waiting (true/on/1), sort
/// (newest, oldest, amount-desc, amount-asc), page (from 1) and size.
/// </summary>
public sealed record MatterListInput
{
    public const int MaxText = 100;
    public const int DefaultSize = 30;

    public string? Q { get; init; }

    public string? Area { get; init; }

    public string? State { get; init; }

    public string? Min { get; init; }

    public string? Max { get; init; }

    public string? From { get; init; }

    public string? To { get; init; }

    public string? Overdue { get; init; }

    public string? Waiting { get; init; }

    public string? Sort { get; init; }

    public string? Page { get; init; }

    public string? Size { get; init; }

    /// <summary>Whether any search or filter is given (the API then answers with a counted, numbered page).</summary>
    public bool Any => new[] { Q, Area, State, Min, Max, From, To, Overdue, Waiting, Sort, Page, Size }.Any(v => !string.IsNullOrEmpty(v));

    public static IReadOnlyList<string> Sorts { get; } = ["newest", "oldest", "amount-desc", "amount-asc"];

    /// <summary>The filter, the page number and size, or the refusal naming the first bad parameter.</summary>
    public Result<MatterListRequest> Parse()
    {
        if (Q is { Length: > MaxText })
        {
            return Bad("q");
        }

        Area? area = null;
        if (!string.IsNullOrEmpty(Area))
        {
            if (!TryName<Area>(Area, out var parsed))
            {
                return Bad("area");
            }

            area = parsed;
        }

        MatterState? state = null;
        if (!string.IsNullOrEmpty(State))
        {
            if (!TryName<MatterState>(State, out var parsed))
            {
                return Bad("state");
            }

            state = parsed;
        }

        if (!TryAmount(Min, out var min))
        {
            return Bad("min");
        }

        if (!TryAmount(Max, out var max) || (min is { } least && max is { } most && most < least))
        {
            return Bad("max");
        }

        if (!TryDay(From, out var from))
        {
            return Bad("from");
        }

        if (!TryDay(To, out var to) || (from is { } first && to is { } last && last < first))
        {
            return Bad("to");
        }

        if (!TryFlag(Overdue, out var overdue))
        {
            return Bad("overdue");
        }

        if (!TryFlag(Waiting, out var waiting))
        {
            return Bad("waiting");
        }

        var sortIndex = string.IsNullOrEmpty(Sort) ? 0 : Sorts.ToList().IndexOf(Sort);
        if (sortIndex < 0)
        {
            return Bad("sort");
        }

        if (!TryInt(Page, 1, 1_000_000, 1, out var page))
        {
            return Bad("page");
        }

        if (!TryInt(Size, 1, MatterQueries.MaxPageSize, DefaultSize, out var size))
        {
            return Bad("size");
        }

        var filter = new MatterFilter
        {
            Text = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
            Area = area,
            State = state,
            MinAmount = min,
            MaxAmount = max,
            From = from,
            To = to,
            Sort = (MatterSort)sortIndex,
        };
        return Result<MatterListRequest>.Ok(new MatterListRequest(filter, overdue, waiting, page, size));
    }

    internal static Refusal Bad(string parameter) =>
        Refusal.Because(Refusal.InvalidId, "ListParameter", "The list parameter {parameter} is not valid.", ("parameter", parameter));

    internal static bool TryName<T>(string text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value) && Enum.IsDefined(value) && !char.IsDigit(text[0]) && text[0] != '-';

    private static bool TryAmount(string? text, out decimal? amount)
    {
        amount = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value > 1_000_000_000_000m)
        {
            return false;
        }

        amount = value;
        return true;
    }

    internal static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return false;
        }

        day = value;
        return true;
    }

    private static bool TryFlag(string? text, out bool flag)
    {
        flag = text is "true" or "on" or "1";
        return string.IsNullOrEmpty(text) || flag || text is "false" or "0";
    }

    internal static bool TryInt(string? text, int least, int most, int otherwise, out int value)
    {
        value = otherwise;
        return string.IsNullOrEmpty(text)
            || (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= least && value <= most);
    }
}

/// <summary>A parsed matter list request: the filter, whether only overdue steps or only the viewer's tasks, the page and its size.</summary>
public sealed record MatterListRequest(MatterFilter Filter, bool Overdue, bool Waiting, int Page, int Size);
