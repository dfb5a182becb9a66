using System.Globalization;
using Fenquan.Core.Meetings;
using Fenquan.Core.Primitives;
using Fenquan.Documents.Fonts;
using Fenquan.Documents.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using MeetingMinutes = Fenquan.Core.Meetings.Minutes;

namespace Fenquan.Documents.Minutes;

/// <summary>
/// The minutes (会议纪要) of a meeting as an A4 PDF, in Chinese or English (R43): the unit, meeting
/// kind, time and chair; attendance with reasons for absence; each item with its matter, recusals,
/// every opinion in speaking order with its reason, the tally and the decision (amount, payee,
/// conditions); corrections; and every attendee's signature with its time, or "not yet signed".
/// Everything comes from the generated <see cref="MeetingMinutes"/> and its record: nothing is typed.
/// </summary>
public static class MinutesPdf
{
    /// <summary>China Standard Time: the whole country keeps UTC+8, without daylight saving.</summary>
    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    /// <summary>Renders a minutes record (its content, version and signatures).</summary>
    public static byte[] Render(MinutesRecord record, MinutesNames names, CultureInfo culture, TimeSpan? utcOffset = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Render(record.Content, record, names, culture, utcOffset);
    }

    /// <summary>
    /// Renders <paramref name="minutes"/> with the version and signatures of <paramref name="record"/>
    /// (null: a preview of minutes not drawn up yet, nobody has signed). Times are shown at
    /// <paramref name="utcOffset"/>, China Standard Time unless given. Throws
    /// <see cref="FileNotFoundException"/> naming fonts-wqy-zenhei when no Chinese font is installed.
    /// </summary>
    public static byte[] Render(MeetingMinutes minutes, MinutesRecord? record, MinutesNames names, CultureInfo culture, TimeSpan? utcOffset = null)
    {
        ArgumentNullException.ThrowIfNull(minutes);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(culture);
        CjkFont.EnsureRegistered();
        var labels = MinutesLabels.For(culture);
        var labelWidth = labels.LabelWidth;
        var offset = utcOffset ?? ChinaStandardTime;
        string When(DateTimeOffset moment) => moment.ToOffset(offset).ToString(labels.IsChinese ? "yyyy年M月d日 HH:mm" : "d MMMM yyyy, HH:mm", culture);
        // With the capital numerals (大写金额) finance offices expect beside every amount.
        string Money(decimal amount) => labels.IsChinese
            ? string.Format(culture, "{0:N2}元（大写：{1}）", amount, Core.Primitives.AmountText.Capital(amount))
            : string.Format(culture, "CNY {0:N2} ({1})", amount, Core.Primitives.AmountText.Capital(amount));
        string Name(PersonId person) => names.PersonName(minutes, person);
        string List(IEnumerable<string> items)
        {
            var all = items.ToList();
            return all.Count == 0 ? labels.None : string.Join(labels.ListSeparator, all);
        }

        var kind = labels.KindOf(minutes.Kind);
        var document = new PdfDocument();
        document.Info.Title = labels.IsChinese ? $"{names.UnitName}{kind}{labels.Document}" : $"{names.UnitName}: {kind} {labels.Document.ToLowerInvariant()}";
        document.Info.Subject = minutes.Title;
        document.Info.Creator = "Fenquan";

        var title = PdfFlow.Font(18, bold: true);
        var heading = PdfFlow.Font(12.5, bold: true);
        var label = PdfFlow.Font(10, bold: true);
        var body = PdfFlow.Font(10);
        var small = PdfFlow.Font(8.5);
        using var flow = new PdfFlow(document);

        // Heading: unit, kind, the meeting's title, the record's version and state.
        flow.Centered(labels.IsChinese ? $"{names.UnitName}{kind}{labels.Document}" : $"{names.UnitName} — {kind} {labels.Document.ToLowerInvariant()}", title, after: 2);
        flow.Centered(minutes.Title, PdfFlow.Font(12), after: 2);
        var status = record is null
            ? labels.NotDrawnUp
            : $"{labels.VersionOf(record.Version, culture)} · {(record.State == MinutesState.Final ? labels.StateFinal : labels.StateDraft)} · {labels.DrawnUp}{labels.Colon}{When(record.DrawnUpAt)}";
        flow.Centered(status, small, XBrushes.DimGray, after: 2);
        flow.Rule();

        var principals = minutes.Attendance.Where(a => a.IsPrincipal).Select(a => a.PersonId).ToHashSet();
        string Member(PersonId person) => principals.Contains(person) ? labels.Aside(Name(person), labels.Principal) : Name(person);

        // The chair first, then the other principals, then the deputies, as minutes list them.
        var attendance = minutes.Attendance
            .OrderBy(a => a.PersonId == minutes.ChairId ? 0 : a.IsPrincipal ? 1 : 2)
            .ToList();
        flow.Labeled(labels.Meeting, minutes.Title, label, body, labelWidth);
        flow.Labeled(labels.Time, When(minutes.ScheduledAt), label, body, labelWidth);
        flow.Labeled(labels.Chair, minutes.ChairName, label, body, labelWidth);
        flow.Labeled(labels.Present, List(attendance.Where(a => a.Present).Select(a => Member(a.PersonId))), label, body, labelWidth);
        flow.Labeled(labels.Absent, List(attendance.Where(a => !a.Present).Select(a => labels.Aside(Member(a.PersonId), a.AbsenceReason))), label, body, labelWidth);
        flow.Rule(before: 4);

        foreach (var item in minutes.Items.OrderBy(i => i.Number))
        {
            flow.KeepTogether(PdfFlow.LineHeight(heading) * 4);
            flow.Paragraph($"{labels.Ordinal(item.Number, culture)}{labels.Colon}{item.Title}", heading, after: 4);
            flow.Labeled(labels.Matter, item.Title, label, body, labelWidth); // no internal ids on a document for people
            if (!item.Personnel)
            {
                flow.Labeled(labels.ProposedAmount, Money(item.ProposedAmount), label, body, labelWidth);
            }

            flow.Labeled(labels.Payee, item.ProposedPayee.Name.Length > 0 ? item.ProposedPayee.Name : item.ProposedPayee.PersonId is { } payee ? Name(payee) : labels.None, label, body, labelWidth);
            flow.Labeled(labels.Documents, List(item.Documents), label, body, labelWidth);

            // Automatic recusals show their ground; a declared one also its reason (the core's automatic reasons are for the log).
            flow.Labeled(labels.Recusals, List(item.Recusals.Select(r => r.Ground == RecusalGround.Declared
                ? labels.Aside(r.Name, $"{labels.GroundOf(r.Ground)}{labels.Colon}{r.Reason}")
                : labels.Aside(r.Name, labels.GroundOf(r.Ground)))), label, body, labelWidth);

            if (item.Opinions.Count == 0)
            {
                flow.Labeled(labels.Opinions, labels.None, label, body, labelWidth);
            }
            else
            {
                flow.Paragraph(labels.Opinions, label, after: 1);
            }

            foreach (var opinion in item.Opinions.OrderBy(o => o.Sequence))
            {
                flow.Row(
                [
                    (string.Format(culture, "{0}.", opinion.Sequence), labelWidth, 18, body),
                    (Member(opinion.PersonId), labelWidth + 18, 92, body),
                    (labels.OpinionOf(opinion.Kind), labelWidth + 110, 48, label),
                    (opinion.Reason, labelWidth + 158, flow.Width - labelWidth - 158, body),
                ]);
            }

            flow.Labeled(labels.Tally, labels.Tallied(item.Tally, culture), label, body, labelWidth);
            flow.Labeled(labels.Outcome, labels.OutcomeOf(item.Outcome), label, PdfFlow.Font(10.5, bold: true), labelWidth);
            switch (item.Outcome)
            {
                case ItemOutcomeKind.Approved:
                    if (item.DecidedAmount is { } decided && !item.Personnel)
                    {
                        flow.Labeled(labels.DecidedAmount, Money(decided), label, body, labelWidth);
                    }

                    if (item.DecidedPayee.Name.Length > 0 || item.DecidedPayee.PersonId is not null)
                    {
                        flow.Labeled(labels.DecidedPayee, item.DecidedPayee.Name.Length > 0 ? item.DecidedPayee.Name : Name(item.DecidedPayee.PersonId!.Value), label, body, labelWidth);
                    }

                    flow.Labeled(labels.Conditions, item.Conditions.Length > 0 ? item.Conditions : labels.None, label, body, labelWidth);
                    break;
                case ItemOutcomeKind.Rejected:
                case ItemOutcomeKind.Deferred:
                    flow.Labeled(labels.Reason, item.Reason, label, body, labelWidth);
                    break;
                case null:
                    break;
            }

            flow.Rule(before: 4);
        }

        if (minutes.Corrections.Count > 0)
        {
            flow.Paragraph(labels.Corrections, heading, after: 4);
            var number = 0;
            foreach (var correction in minutes.Corrections)
            {
                number++;
                flow.Paragraph(string.Format(culture, "{0}. {1}", number, labels.Aside(correction.Note, $"{correction.ByName}{labels.ListSeparator}{When(correction.At)}")), body, indent: 12);
            }

            flow.Rule(before: 4);
        }

        // Every attendee signs; the minutes are final only when all have (R43).
        flow.KeepTogether(PdfFlow.LineHeight(heading) * 3);
        flow.Paragraph(labels.Signatures, heading, after: 4);
        foreach (var signer in attendance.Where(a => a.Present))
        {
            var signature = record?.Signatures.FirstOrDefault(s => s.PersonId == signer.PersonId);
            flow.Row(
            [
                (Member(signer.PersonId), 12, 150, body),
                (signature is null ? labels.NotSigned : $"{labels.SignedAt}{labels.Colon}{When(signature.At)}", 170, flow.Width - 170, signature is null ? label : body),
            ]);
        }

        flow.Space(10);
        flow.Paragraph(labels.Generated, small, brush: XBrushes.DimGray);
        var footer = record is null ? minutes.Title : $"{minutes.Title} · {labels.VersionOf(record.Version, culture)}";
        return flow.Finish((page, pages) => string.Format(culture, labels.Page, page, pages), footer);
    }
}
