namespace Fenquan.Data.Queries;

/// <summary>One page of a list and the cursor of the next (null at the end).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
