using System.Text.Json;
using Fenquan.Core.Calendar;
using Fenquan.Core.Licensing;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Core.Procurement;

namespace Fenquan.Core.CountyChanges;

/// <summary>
/// The proposed data of each subject, checked before it is proposed (so a confirmer never reads,
/// and the ledger never records, data that could not take effect) and written back in its one
/// normalised JSON form.
/// </summary>
public static class CountyChangePayload
{
    public static Result<string> Normalise(CountyChangeSubject subject, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return subject switch
        {
            CountyChangeSubject.ProcurementCatalogue => ProcurementCatalogue.FromJson(json).Map(c => c.ToJson()),
            CountyChangeSubject.ApprovalItemRegister => ApprovalItemRegister.FromJson(json).Map(r => r.ToJson()),
            CountyChangeSubject.Bounds => BoundsFromJson(json).Map(BoundsToJson),
            CountyChangeSubject.WorkingCalendarYear => CalendarYear.FromJson(json).Map(y => y.ToJson()),
            CountyChangeSubject.ReceptionStandards => Finance.Reception.ReceptionStandards.FromJson(json).Map(s => s.ToJson()),
            CountyChangeSubject.CountyName => CountyRename.FromJson(json).Map(r => r.ToJson()),
            CountyChangeSubject.OcdsPrefix => Ocds.OcdsPrefixSetting.FromJson(json).Map(p => p.ToJson()),
            _ => Refusal.Because(Refusal.InvalidId, "ChangeSubjectUnknown", "subject: not a kind of county data."),
        };
    }

    /// <summary>The line a proposal of <paramref name="subject"/> belongs to: a calendar year's own, otherwise the county-wide one (null).</summary>
    public static Guid? SubjectIdOf(CountyChangeSubject subject, string normalisedJson) =>
        subject == CountyChangeSubject.WorkingCalendarYear ? CalendarYear.SubjectIdOf(CalendarYear.FromJson(normalisedJson).Value.Year) : null;

    public static string BoundsToJson(CountyBounds bounds) => JsonSerializer.Serialize(bounds, RegisterJson.Options);

    public static Result<CountyBounds> BoundsFromJson(string json)
    {
        CountyBounds? bounds;
        try
        {
            bounds = JsonSerializer.Deserialize<CountyBounds>(json, RegisterJson.Options);
        }
        catch (JsonException e)
        {
            return Refusal.Invalid("The bounds are not valid JSON of the documented format: " + e.Message);
        }

        if (bounds is null)
        {
            return Refusal.Invalid("The bounds are empty JSON.");
        }

        var check = bounds.Check();
        return check.IsOk ? Result<CountyBounds>.Ok(bounds) : check.Refusal!;
    }
}
