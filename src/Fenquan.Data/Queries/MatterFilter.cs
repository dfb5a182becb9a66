using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Data.Queries;

/// <summary>
/// What a matter list is narrowed to: words of the title or payee (a substring, so a two-character
/// Chinese word such as 空调 finds 空调维修), area, state, amount range, submission day range, and
/// <see cref="Only"/> — the matters the core decided are waiting for the viewer or overdue, when
/// those filters are on. Empty: the whole list.
/// </summary>
public sealed record MatterFilter
{
    public static MatterFilter None { get; } = new();

    public string? Text { get; init; }

    public Area? Area { get; init; }

    public MatterState? State { get; init; }

    public decimal? MinAmount { get; init; }

    public decimal? MaxAmount { get; init; }

    /// <summary>Submitted on or after this day (China time).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Submitted on or before this day (China time).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Only these matters (the viewer's tasks, or the overdue ones), when not null.</summary>
    public IReadOnlyCollection<MatterId>? Only { get; init; }

    public MatterSort Sort { get; init; } = MatterSort.Newest;
}

/// <summary>The order of a matter list.</summary>
public enum MatterSort
{
    /// <summary>Newest first (v7 ids: id descending, read off the unit's index).</summary>
    Newest,

    Oldest,

    AmountHigh,

    AmountLow,
}
