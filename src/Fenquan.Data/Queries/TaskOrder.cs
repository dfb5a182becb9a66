namespace Fenquan.Data.Queries;

/// <summary>The order of a task list: by due date, then by matter id.</summary>
public sealed class TaskOrder : IComparer<TaskItem>
{
    public static TaskOrder Instance { get; } = new();

    public int Compare(TaskItem? x, TaskItem? y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var byDue = x.Due.CompareTo(y.Due);
        return byDue != 0 ? byDue : x.Matter.Id.Value.CompareTo(y.Matter.Id.Value);
    }
}
