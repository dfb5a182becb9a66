using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Inspection;

/// <summary>An inspector's finding on one claim of a sample (R8): a row of its own, recorded once, never changed.</summary>
public sealed class InspectionFinding
{
    public const int MaxText = 1000;

    private InspectionFinding()
    {
        Note = string.Empty;
    }

    internal InspectionFinding(InspectionItem item, Verdict verdict, string note, PersonId by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        CountyId = item.CountyId;
        UnitId = item.UnitId;
        InspectionId = item.InspectionId;
        ItemId = item.Id;
        MatterId = item.MatterId;
        Verdict = verdict;
        Note = note;
        By = by;
        At = at;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    public Guid InspectionId { get; private set; }

    public Guid ItemId { get; private set; }

    public MatterId MatterId { get; private set; }

    public Verdict Verdict { get; private set; }

    public string Note { get; private set; }

    public PersonId By { get; private set; }

    public DateTimeOffset At { get; private set; }
}
