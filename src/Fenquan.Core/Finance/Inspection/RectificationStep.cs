using Fenquan.Core.Primitives;

namespace Fenquan.Core.Finance.Inspection;

/// <summary>One step of a rectification task: evidence, a sending back or the acceptance; a row of its own, never changed.</summary>
public sealed class RectificationStep
{
    public const int MaxAttachment = 200;

    private RectificationStep()
    {
        Text = string.Empty;
    }

    internal RectificationStep(Rectification task, int number, RectificationStepKind kind, string text, string? attachment, PersonId by, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        CountyId = task.CountyId;
        RectificationId = task.Id;
        Number = number;
        Kind = kind;
        Text = text;
        Attachment = attachment;
        By = by;
        At = at;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public Guid RectificationId { get; private set; }

    /// <summary>The step's place in its task, from 1.</summary>
    public int Number { get; private set; }

    public RectificationStepKind Kind { get; private set; }

    public string Text { get; private set; }

    /// <summary>A reference to the evidence's attachment (an uploaded file's hash, or a document number); optional.</summary>
    public string? Attachment { get; private set; }

    public PersonId By { get; private set; }

    public DateTimeOffset At { get; private set; }
}
