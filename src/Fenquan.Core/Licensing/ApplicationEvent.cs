using Fenquan.Core.Primitives;

namespace Fenquan.Core.Licensing;

/// <summary>One thing that happened to an application, by whom (null: the applicant) and when; immutable.</summary>
public sealed class ApplicationEvent
{
    private ApplicationEvent()
    {
        Text = string.Empty;
    }

    internal ApplicationEvent(Guid applicationId, CountyId county, ApplicationEventKind kind, PersonId? by, string text, DateTimeOffset at, DateOnly on, PauseReason? pause = null, decimal? amount = null)
    {
        Id = Guid.CreateVersion7();
        ApplicationId = applicationId;
        CountyId = county;
        Kind = kind;
        ById = by;
        Text = text;
        At = at;
        On = on;
        Pause = pause;
        Amount = amount;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    public CountyId CountyId { get; private set; }

    public ApplicationEventKind Kind { get; private set; }

    /// <summary>The unit's person who acted; null when the applicant did.</summary>
    public PersonId? ById { get; private set; }

    /// <summary>Reasons, the documents asked for, the step's note or the decision's text.</summary>
    public string Text { get; private set; }

    public DateTimeOffset At { get; private set; }

    /// <summary>The local day it happened: the calendar counts from it (R46).</summary>
    public DateOnly On { get; private set; }

    public PauseReason? Pause { get; private set; }

    /// <summary>The fee charged (yuan).</summary>
    public decimal? Amount { get; private set; }
}
