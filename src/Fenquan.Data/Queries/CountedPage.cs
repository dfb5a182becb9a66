namespace Fenquan.Data.Queries;

/// <summary>One page of a filtered list with the total count of what the filter finds.</summary>
public sealed record CountedPage<T>(IReadOnlyList<T> Items, int Total, int Number, int Size)
{
    public bool HasPrevious => Number > 1;

    public bool HasNext => (long)Number * Size < Total;
}
