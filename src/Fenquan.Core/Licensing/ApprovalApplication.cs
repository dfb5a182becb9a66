using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fenquan.Core.Calendar;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Licensing;

/// <summary>
/// An application to an approval item (行政许可申请) by a citizen or a company without an account
/// (R24, R46; 行政许可法 Arts. 32, 42, 45, 58). It freezes the item as published on the day of
/// submission (its limits, steps and fee), and follows them: the unit accepts it, refuses it with
/// reasons, or asks once for every missing document within the acceptance limit; accepted, it passes
/// the item's steps, each with its limit, the clock paused for hearings and expert reviews; a fee
/// equals the published standard or is refused; it ends granted or refused with a decision document.
/// The applicant follows it with the receipt number and a secret code whose hash alone is kept.
/// Everything that happens is its own <see cref="ApplicationEvent"/> row.
/// </summary>
public sealed class ApprovalApplication
{
    public const int MaxText = 2000;

    private readonly List<ApplicationEvent> _events = [];

    private ApprovalApplication()
    {
        ItemCode = ItemName = ReceiptNumber = FollowUpCodeHash = ApplicantName = ApplicantNumber = ApplicantContact = StepsText = DocumentsText = MissingText = DecisionText = string.Empty;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    /// <summary>The handling unit: the item's, as published.</summary>
    public UnitId UnitId { get; private set; }

    public string ItemCode { get; private set; }

    public string ItemName { get; private set; }

    public bool IsMajor { get; private set; }

    /// <summary>受理编号: shown to the applicant; alone it opens nothing.</summary>
    public string ReceiptNumber { get; private set; }

    /// <summary>SHA-256 of the follow-up code (hex); the code itself is never stored.</summary>
    public string FollowUpCodeHash { get; private set; }

    public ApplicantKind ApplicantKind { get; private set; }

    public string ApplicantName { get; private set; }

    public string ApplicantNumber { get; private set; }

    public string ApplicantContact { get; private set; }

    public IdentityCheck IdentityCheck { get; private set; }

    /// <summary>The documents handed in, one a line.</summary>
    public string DocumentsText { get; private set; }

    public ApplicationState State { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>The day the current acceptance round started (submission, or the correction).</summary>
    public DateOnly RoundStartedOn { get; private set; }

    /// <summary>Whether the unit already asked for missing documents: once per application, all at once (Art. 32).</summary>
    public bool CorrectionAsked { get; private set; }

    /// <summary>The documents asked for, one a line.</summary>
    public string MissingText { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    /// <summary>承办人: who accepted it and answers for its time.</summary>
    public PersonId? HandlerId { get; private set; }

    public int StepIndex { get; private set; }

    public DateOnly? StepStartedOn { get; private set; }

    public int AcceptanceWorkingDays { get; private set; }

    public int PromisedWorkingDays { get; private set; }

    /// <summary>The item's steps as published at submission: <c>name:days</c>, one a line.</summary>
    public string StepsText { get; private set; }

    /// <summary>The fee set by law as published at submission (null: free, Art. 58).</summary>
    public decimal? FeeYuan { get; private set; }

    public decimal? FeeCharged { get; private set; }

    public string DecisionText { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    /// <summary>
    /// R23: for a major item, the matter on the unit's route for major items (the deputy in charge,
    /// a principal's consent, the team's collective decision) whose outcome decides the application.
    /// </summary>
    public Guid? DecisionMatterId { get; private set; }

    public IReadOnlyList<ApplicationEvent> Events => _events;

    public IReadOnlyList<string> Documents => Split(DocumentsText);

    public IReadOnlyList<string> MissingDocuments => Split(MissingText);

    public IReadOnlyList<ProcedureStep> Steps =>
        [.. Split(StepsText).Select(l => new ProcedureStep(l[..l.LastIndexOf(':')], int.Parse(l[(l.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture)))];

    public bool IsOpen => State is ApplicationState.Submitted or ApplicationState.AwaitingCorrection or ApplicationState.Accepted;

    public bool IsPaused => OpenPause() is not null;

    /// <summary>The decision document's number (决定书文号).</summary>
    public string DecisionNumber => ItemCode + "-" + ReceiptNumber;

    public static string HashCode(string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim())));

    /// <summary>Whether <paramref name="code"/> is this application's follow-up code (constant time).</summary>
    public bool Opens(string? code) => CodeMatches(FollowUpCodeHash, code);

    /// <summary>
    /// Whether <paramref name="code"/> hashes to <paramref name="hash"/>, compared in constant time; the
    /// code is hashed also when there is no hash (an unknown receipt), so both cost the same.
    /// </summary>
    public static bool CodeMatches(string? hash, string? code)
    {
        var computed = Encoding.ASCII.GetBytes(HashCode(code ?? string.Empty));
        return hash is not null && code is not null && CryptographicOperations.FixedTimeEquals(computed, Encoding.ASCII.GetBytes(hash));
    }

    /// <summary>
    /// A new application to <paramref name="item"/> as published today. Refused when the item names no
    /// handling unit, or the applicant is not named with a number of valid form. Missing documents do
    /// not refuse it: the unit asks for all of them at once (Art. 32).
    /// </summary>
    public static Result<ApprovalApplication> Submit(CountyId county, ApprovalItemEntry item, Applicant applicant, IEnumerable<string> documents, string receiptNumber, string followUpCode, IdentityCheck identity, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(documents);
        if (item.UnitId is not { } unit)
        {
            return Refusal.Because("R24", "ItemNotOnline", "Approval item {code} names no handling unit and cannot be applied to online.", ("code", item.Code));
        }

        var checkedApplicant = applicant.Check();
        if (!checkedApplicant.IsOk)
        {
            return checkedApplicant.Refusal!;
        }

        var who = checkedApplicant.Value;
        var handed = documents.Select(d => d.Trim()).Where(d => d.Length > 0).Distinct().ToList();
        var application = new ApprovalApplication
        {
            Id = Guid.CreateVersion7(),
            CountyId = county,
            UnitId = new UnitId(unit),
            ItemCode = item.Code,
            ItemName = item.Name,
            IsMajor = item.IsMajor,
            ReceiptNumber = receiptNumber,
            FollowUpCodeHash = HashCode(followUpCode),
            ApplicantKind = who.Kind,
            ApplicantName = who.Name,
            ApplicantNumber = who.IdentityNumber,
            ApplicantContact = who.Contact,
            IdentityCheck = identity,
            DocumentsText = Join(handed),
            State = ApplicationState.Submitted,
            SubmittedAt = now,
            RoundStartedOn = today,
            AcceptanceWorkingDays = item.AcceptanceWorkingDays,
            PromisedWorkingDays = item.PromisedWorkingDays,
            StepsText = Join(item.Steps.Select(s => s.Name + ":" + s.WorkingDays.ToString(CultureInfo.InvariantCulture))),
            FeeYuan = item.IsFree ? null : item.FeeYuan,
        };
        application.Record(ApplicationEventKind.Submitted, null, string.Join("、", handed), now, today);
        return Result<ApprovalApplication>.Ok(application);
    }

    /// <summary>
    /// 一次性告知补正 (Art. 32): the unit names every missing document at once, within the acceptance
    /// limit; a second request is refused, also after the applicant handed the documents in.
    /// </summary>
    public Outcome RequestCorrection(PersonId by, IReadOnlyCollection<string> missing, IOrganizationView org, DateTimeOffset now, DateOnly today, WorkingCalendar calendar)
    {
        if (Handling(by, org, today, ApplicationState.Submitted) is { } refusal)
        {
            return refusal;
        }

        if (CorrectionAsked)
        {
            return Refusal.Because("R24", "CorrectionOnlyOnce", "Everything missing from application {receipt} is asked for at once (一次性告知); it was already asked.", ("receipt", ReceiptNumber));
        }

        var names = missing.Select(m => m.Trim()).Where(m => m.Length > 0).Distinct().ToList();
        if (names.Count == 0 || string.Join("、", names).Length > MaxText)
        {
            return Refusal.Because("R24", "CorrectionNamesDocuments", "A request for correction names every missing document.");
        }

        if (AcceptanceOver(today, calendar) is { } late)
        {
            return late;
        }

        State = ApplicationState.AwaitingCorrection;
        CorrectionAsked = true;
        MissingText = Join(names);
        Record(ApplicationEventKind.CorrectionRequested, by, string.Join("、", names), now, today);
        return Outcome.Ok;
    }

    /// <summary>The applicant hands in the missing documents; a new acceptance round starts.</summary>
    public Outcome Correct(IEnumerable<string> documents, DateTimeOffset now, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (State != ApplicationState.AwaitingCorrection)
        {
            return Refusal.Because("R24", "NoCorrectionAsked", "Application {receipt} is not waiting for documents.", ("receipt", ReceiptNumber));
        }

        var added = documents.Select(d => d.Trim()).Where(d => d.Length > 0).ToList();
        if (added.Count == 0)
        {
            return Refusal.Because("R24", "CorrectionEmpty", "Hand in the documents asked for.");
        }

        DocumentsText = Join(Documents.Concat(added).Distinct());
        State = ApplicationState.Submitted;
        RoundStartedOn = today;
        Record(ApplicationEventKind.Corrected, null, string.Join("、", added), now, today);
        return Outcome.Ok;
    }

    /// <summary>受理: the first step's clock starts.</summary>
    public Outcome Accept(PersonId by, IOrganizationView org, DateTimeOffset now, DateOnly today)
    {
        if (Handling(by, org, today, ApplicationState.Submitted) is { } refusal)
        {
            return refusal;
        }

        State = ApplicationState.Accepted;
        AcceptedOn = today;
        HandlerId = by;
        StepIndex = 0;
        StepStartedOn = today;
        Record(ApplicationEventKind.Accepted, by, string.Empty, now, today);
        return Outcome.Ok;
    }

    /// <summary>Refused with reasons — at acceptance (不予受理) or after review (不予许可, at the last step).</summary>
    /// <param name="teamDecision">For a major item under review: the state of its decision matter; it must have rejected it (R23).</param>
    public Outcome Refuse(PersonId by, string reasons, IOrganizationView org, DateTimeOffset now, DateOnly today, MatterState? teamDecision = null)
    {
        var state = State == ApplicationState.Accepted ? ApplicationState.Accepted : ApplicationState.Submitted;
        if (Handling(by, org, today, state) is { } refusal)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(reasons) || reasons.Length > MaxText)
        {
            return Refusal.Because("R24", "RefusalNeedsReasons", "A refusal gives its reasons (Art. 38).");
        }

        if (IsPaused)
        {
            return Paused();
        }

        // R23: after acceptance, a major item is refused only as the team decided (不予许可 is a decision too).
        if (IsMajor && State == ApplicationState.Accepted && teamDecision != MatterState.Rejected)
        {
            return TeamDecides(teamDecision);
        }

        Decide(ApplicationState.Refused, ApplicationEventKind.Refused, by, reasons.Trim(), now, today);
        return Outcome.Ok;
    }

    /// <summary>
    /// R23: at the last step of a major item, the handler refers the decision to the unit's route for
    /// major items: <paramref name="matterId"/> is the matter just submitted on it (the deputy in charge
    /// reviews, a principal consents, the team decides collectively). Once; again only when that matter
    /// was withdrawn (<paramref name="current"/>: its state).
    /// </summary>
    public Outcome ReferToTeam(PersonId by, Guid matterId, IOrganizationView org, DateTimeOffset now, DateOnly today, MatterState? current = null)
    {
        var may = MayReferToTeam(by, org, today, current);
        if (!may.IsOk)
        {
            return may;
        }

        DecisionMatterId = matterId;
        Record(ApplicationEventKind.ReferredToTeam, by, ItemName, now, today);
        return Outcome.Ok;
    }

    /// <summary>Whether <paramref name="by"/> may refer this application to the team now (see <see cref="ReferToTeam"/>).</summary>
    public Outcome MayReferToTeam(PersonId by, IOrganizationView org, DateOnly today, MatterState? current = null)
    {
        if (Handling(by, org, today, ApplicationState.Accepted) is { } refusal)
        {
            return refusal;
        }

        if (!IsMajor)
        {
            return Refusal.Because("R23", "NotMajor", "Approval item {code} is not marked major: it follows its published procedure (R24), without the team.", ("code", ItemCode));
        }

        if (StepIndex < Steps.Count - 1)
        {
            return Refusal.Because("R23", "ReferAtLastStep", "Application {receipt} goes to the team at its last step, after the procedure's review.", ("receipt", ReceiptNumber));
        }

        if (DecisionMatterId is not null && current != MatterState.Withdrawn)
        {
            return Refusal.Because("R23", "AlreadyReferred", "Application {receipt} is already before the team; its decision is awaited there.", ("receipt", ReceiptNumber));
        }

        return IsPaused ? Paused() : Outcome.Ok;
    }

    /// <summary>The title of the matter that carries a major item's decision to the team (R23).</summary>
    public string TeamMatterTitle => "行政许可：" + ItemName + "（" + ReceiptNumber + "）";

    /// <summary>Art. 45: the clock pauses (hearing, expert review…); the reason is recorded.</summary>
    public Outcome Pause(PersonId by, PauseReason reason, string note, IOrganizationView org, DateTimeOffset now, DateOnly today)
    {
        if (Handling(by, org, today, ApplicationState.Accepted) is { } refusal)
        {
            return refusal;
        }

        if (IsPaused)
        {
            return Paused();
        }

        if (!Enum.IsDefined(reason) || string.IsNullOrWhiteSpace(note) || note.Length > MaxText)
        {
            return Refusal.Because("R46", "PauseNeedsReason", "A pause of the clock names what it is for (hearing, expert review…) and why.");
        }

        Record(ApplicationEventKind.PauseStarted, by, note.Trim(), now, today, reason);
        return Outcome.Ok;
    }

    public Outcome Resume(PersonId by, IOrganizationView org, DateTimeOffset now, DateOnly today)
    {
        if (Handling(by, org, today, ApplicationState.Accepted) is { } refusal)
        {
            return refusal;
        }

        if (OpenPause() is not { } pause)
        {
            return Refusal.Because("R46", "NotPaused", "The clock of application {receipt} is not paused.", ("receipt", ReceiptNumber));
        }

        Record(ApplicationEventKind.PauseEnded, by, string.Empty, now, today, pause.Pause);
        return Outcome.Ok;
    }

    /// <summary>Art. 58: a fee only where the law sets one, and exactly the published standard.</summary>
    public Outcome ChargeFee(PersonId by, decimal amount, IOrganizationView org, DateTimeOffset now, DateOnly today)
    {
        if (Handling(by, org, today, ApplicationState.Accepted) is { } refusal)
        {
            return refusal;
        }

        if (FeeYuan is not { } standard)
        {
            return Refusal.Because("R24", "ItemIsFree", "Approval item {code} charges no fee (不收费); nothing may be charged.", ("code", ItemCode));
        }

        if (amount != standard || FeeCharged is not null)
        {
            return Refusal.Because("R24", "FeeNotStandard", "The fee of approval item {code} is the published standard of {standard} yuan, charged once; {amount} is refused.",
                ("code", ItemCode), RefusalArgument.Amount("standard", standard), RefusalArgument.Amount("amount", amount));
        }

        FeeCharged = amount;
        Record(ApplicationEventKind.FeeCharged, by, string.Empty, now, today, amount: amount);
        return Outcome.Ok;
    }

    /// <summary>
    /// The current step is done: the next one's clock starts. At the last step the decision is made
    /// instead: <paramref name="grant"/> grants it (the fee, where one is set, charged first).
    /// </summary>
    /// <param name="teamDecision">For a major item: the state of its decision matter (<see cref="DecisionMatterId"/>); null when none was referred.</param>
    public Outcome CompleteStep(PersonId by, string note, bool grant, IOrganizationView org, DateTimeOffset now, DateOnly today, MatterState? teamDecision = null)
    {
        if (Handling(by, org, today, ApplicationState.Accepted) is { } refusal)
        {
            return refusal;
        }

        if (IsPaused)
        {
            return Paused();
        }

        var text = note?.Trim() ?? string.Empty;
        if (text.Length > MaxText)
        {
            return Refusal.Because(Refusal.InvalidId, "NoteLength", "note: at most 2000 characters.");
        }

        if (StepIndex < Steps.Count - 1)
        {
            Record(ApplicationEventKind.StepCompleted, by, Steps[StepIndex].Name + (text.Length > 0 ? "：" + text : string.Empty), now, today);
            StepIndex++;
            StepStartedOn = today;
            return Outcome.Ok;
        }

        if (!grant)
        {
            return Refusal.Because("R24", "LastStepDecides", "The last step decides: grant the application, or refuse it with reasons.");
        }

        if (IsMajor && teamDecision != MatterState.Approved)
        {
            return TeamDecides(teamDecision);
        }

        if (FeeYuan is not null && FeeCharged is null)
        {
            return Refusal.Because("R24", "FeeNotCharged", "The fee set by law for approval item {code} is charged before the decision.", ("code", ItemCode));
        }

        Decide(ApplicationState.Completed, ApplicationEventKind.Granted, by, text.Length > 0 ? text : "准予行政许可", now, today);
        return Outcome.Ok;
    }

    /// <summary>Where the application stands on <paramref name="today"/> (R46): see <see cref="ApplicationStatus"/>.</summary>
    public ApplicationStatus StatusOn(DateOnly today, WorkingCalendar calendar, LimitWatch watch)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(watch);
        var day = DecidedOn ?? today;
        switch (State)
        {
            case ApplicationState.Submitted:
            case ApplicationState.AwaitingCorrection:
            {
                var limit = TimeLimit.Working(AcceptanceWorkingDays);
                var used = State == ApplicationState.AwaitingCorrection ? UsedUntil(RoundStartedOn, LastOf(ApplicationEventKind.CorrectionRequested) ?? day, calendar) : UsedUntil(RoundStartedOn, day, calendar);
                return new(State, ApplicationStatus.Acceptance, limit, used, Math.Max(0, limit.Days - used), watch.Colour(used, limit.Days), null, null, 0, MissingDocuments);
            }

            case ApplicationState.Accepted:
            case ApplicationState.Completed:
            case ApplicationState.Refused:
            {
                if (AcceptedOn is not { } accepted)
                {
                    // Refused at acceptance: the acceptance round's clock, stopped at the decision.
                    var acceptance = TimeLimit.Working(AcceptanceWorkingDays);
                    var spent = UsedUntil(RoundStartedOn, day, calendar);
                    return new(State, ApplicationStatus.Acceptance, acceptance, spent, Math.Max(0, acceptance.Days - spent), watch.Colour(spent, acceptance.Days), null, null, 0, []);
                }

                var limit = TimeLimit.Working(PromisedWorkingDays);
                var used = UsedUntil(accepted, day, calendar);
                var step = Steps[Math.Min(StepIndex, Steps.Count - 1)];
                var stepUsed = UsedUntil(StepStartedOn ?? accepted, day, calendar);
                var colour = (LimitColour)Math.Max((int)watch.Colour(used, limit.Days), State == ApplicationState.Accepted ? (int)watch.Colour(stepUsed, step.WorkingDays) : 0);
                return new(State, step.Name, limit, used, Math.Max(0, limit.Days - used), colour, OpenPause()?.Pause, TimeLimit.Working(step.WorkingDays), stepUsed, []);
            }

            default:
                throw new InvalidOperationException("Unknown state " + State);
        }
    }

    /// <summary>R24 (personal data): who may see the applicant — people of the handling unit on the day, nobody else.</summary>
    public bool MaySeeApplicant(PersonId? person, IOrganizationView org, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(org);
        return person is { } p && org.BelongsTo(UnitId, p, today);
    }

    /// <summary>
    /// Who handles applications in the unit: its staff, section heads and office, and the deputy in
    /// charge of administrative approval — never a principal (R2: not directly in charge), never the
    /// discipline member, who supervises.
    /// </summary>
    public static bool MayHandle(UnitId unit, PersonId person, IOrganizationView org, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(org);
        return org.HoldsRole(unit, person, Role.Staff, today) || org.HoldsRole(unit, person, Role.SectionHead, today) || org.HoldsRole(unit, person, Role.OfficeReviewer, today)
            || org.DeputyInCharge(unit, Area.AdministrativeApproval, today) == person;
    }

    // Working days from start to the day, less the paused ones (Art. 45).
    private int UsedUntil(DateOnly start, DateOnly day, WorkingCalendar calendar)
    {
        var used = calendar.WorkingDaysBetween(start, day);
        DateOnly? pausedFrom = null;
        foreach (var e in _events.OrderBy(e => e.At))
        {
            if (e.Kind == ApplicationEventKind.PauseStarted)
            {
                pausedFrom = e.On;
            }
            else if (e.Kind == ApplicationEventKind.PauseEnded && pausedFrom is { } from)
            {
                used -= calendar.WorkingDaysBetween(Max(from, start), Min(e.On, day));
                pausedFrom = null;
            }
        }

        if (pausedFrom is { } open)
        {
            used -= calendar.WorkingDaysBetween(Max(open, start), day);
        }

        return Math.Max(0, used);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private DateOnly? LastOf(ApplicationEventKind kind) => _events.Where(e => e.Kind == kind).OrderBy(e => e.At).LastOrDefault()?.On;

    private ApplicationEvent? OpenPause()
    {
        var last = _events.Where(e => e.Kind is ApplicationEventKind.PauseStarted or ApplicationEventKind.PauseEnded).OrderBy(e => e.At).LastOrDefault();
        return last?.Kind == ApplicationEventKind.PauseStarted ? last : null;
    }

    private Refusal TeamDecides(MatterState? teamDecision) =>
        Refusal.Because("R23", "TeamDecides", "Application {receipt} is for a major item: the deputy in charge reviews it, a principal consents and the team decides collectively before it is granted or refused (R23); the team's decision: {decision}.",
            ("receipt", ReceiptNumber), ("decision", teamDecision?.ToString() ?? "None"));

    private Refusal Paused() =>
        Refusal.Because("R46", "ClockPaused", "The clock of application {receipt} is paused; resume it first.", ("receipt", ReceiptNumber));

    private Refusal? AcceptanceOver(DateOnly today, WorkingCalendar calendar) =>
        calendar.WorkingDaysBetween(RoundStartedOn, today) > AcceptanceWorkingDays
            ? Refusal.Because("R24", "CorrectionTooLate", "Missing documents are asked for within {days} working days of receipt (Art. 32); for application {receipt} that time is over.",
                ("days", AcceptanceWorkingDays.ToString(CultureInfo.InvariantCulture)), ("receipt", ReceiptNumber))
            : null;

    private Refusal? Handling(PersonId by, IOrganizationView org, DateOnly today, ApplicationState expected)
    {
        ArgumentNullException.ThrowIfNull(org);
        if (!MayHandle(UnitId, by, org, today))
        {
            return Refusal.Because("R24", "NotHandler", "{name} does not handle the unit's approval applications on {date} (its staff, section heads, office and the deputy in charge do; a principal does not).",
                ("name", org.NameOf(by)), ("date", today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return State == expected
            ? null
            : Refusal.Because("R24", "ApplicationState", "Application {receipt} is {state}; that is not possible now.", ("receipt", ReceiptNumber), ("state", State.ToString()));
    }

    private void Decide(ApplicationState state, ApplicationEventKind kind, PersonId by, string text, DateTimeOffset now, DateOnly today)
    {
        State = state;
        DecisionText = text;
        DecidedAt = now;
        DecidedOn = today;
        Record(kind, by, text, now, today);
    }

    private void Record(ApplicationEventKind kind, PersonId? by, string text, DateTimeOffset now, DateOnly today, PauseReason? pause = null, decimal? amount = null) =>
        _events.Add(new ApplicationEvent(Id, CountyId, kind, by, text, now, today, pause, amount));

    private static string Join(IEnumerable<string> lines) => string.Join('\n', lines);

    private static IReadOnlyList<string> Split(string text) => text.Length == 0 ? [] : text.Split('\n');
}
