using System.Globalization;
using Fenquan.Core.Access;
using Fenquan.Core.Calendar;
using Fenquan.Core.Ledger;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data;
using Fenquan.Data.Ledger;
using Fenquan.Data.Operations;
using Fenquan.Data.Queries;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;
using Fenquan.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fenquan.Web.Matters;

/// <summary>An action attempt's outcome: the action, or the refusal and whether the viewer had any part in the step.</summary>
public sealed record ActOutcome(Result<MatterAction> Result, bool Forbidden);

/// <summary>A ledger entry of a matter with its inclusion proof against the latest signed tree head (R44).</summary>
public sealed record LedgerItem(long Sequence, DateTimeOffset At, string Kind, string SubjectType, Guid SubjectId, string Data, string LeafHash, IReadOnlyList<string> Proof, bool ProofVerified);

public sealed record SignedHeadView(long TreeSize, string RootHash, DateTimeOffset At, string Signature, string PublicKey);

public sealed record MatterLedger(Matter Matter, IReadOnlyList<LedgerItem> Entries, SignedHeadView? Head);

/// <summary>
/// What pages and the API do with matters, in one place: check the input's shape, find what the
/// viewer may see, and hand every change to the operations (the core decides, the writer ledgers).
/// </summary>
public sealed class MatterService(DbSession session, MatterOperations operations, AttachmentOperations attachments, FenquanStore store, Clock clock, TaskQueries tasks)
{
    private FenquanDbContext Db => session.Db;

    /// <summary>
    /// Submits a matter; <paramref name="files"/> (vouchers, documents) are stored in the same operation,
    /// so a refused file submits nothing and no reviewer sees the matter without them (issue 14).
    /// </summary>
    public async Task<Result<Matter>> SubmitAsync(Viewer viewer, SubmitInput input, IReadOnlyList<UploadedFile>? files = null, CancellationToken cancellationToken = default)
    {
        var submission = await SubmissionOf(viewer, input);
        if (!submission.IsOk)
        {
            return submission.Refusal!;
        }

        var (command, claim, budgetLine) = submission.Value;
        return files is { Count: > 0 }
            ? await attachments.SubmitWithAsync(operations, command, claim, budgetLine, files, cancellationToken)
            : await operations.SubmitAsync(command, claim, budgetLine);
    }

    /// <summary>
    /// The route the same submission would take now and who would act (issue 14): decided by the same
    /// code as <see cref="SubmitAsync"/>, writing nothing. A title is not needed to preview a route.
    /// </summary>
    public async Task<Result<RoutePreview>> PreviewAsync(Viewer viewer, SubmitInput input)
    {
        var submission = await SubmissionOf(viewer, string.IsNullOrWhiteSpace(input.Title) ? input with { Title = "—" } : input);
        return submission.IsOk ? MatterOperations.Preview(Db, clock.Now, submission.Value.Command) : submission.Refusal!;
    }

    /// <summary>The submission's command, claim and budget line: the input's shape checked, the viewer's membership and the payee resolved.</summary>
    private async Task<Result<(SubmitMatter Command, Core.Finance.ClaimDetails? Claim, string? BudgetLine)>> SubmissionOf(Viewer viewer, SubmitInput input)
    {
        var shape = InputRules.CheckSubmit(input, viewer.Today);
        if (!shape.IsOk)
        {
            return shape.Refusal!;
        }

        var member = UnitMembership.Require(viewer.Person, viewer.Unit, UnitAct.SubmitMatters);
        if (!member.IsOk)
        {
            return member.Refusal!;
        }

        var (me, unit) = member.Value;

        var kind = input.Kind!.Value;
        var named = (input.PayeePersonId is not null ? 1 : 0) + (input.PayMe ? 1 : 0) + (input.PayeeCounterpartyId is not null ? 1 : 0) + (string.IsNullOrWhiteSpace(input.PayeeName) ? 0 : 1);
        if (named > 1)
        {
            return Refusal.Because(Refusal.InvalidId, "PayeeOnce", "payee: name the payee once — a person of the county (payeePersonId), yourself (payMe), or a registered counterparty (payeeCounterpartyId, or payeeName).");
        }

        Payee payee;
        if (input.PayeePersonId is { } payeeId)
        {
            var name = await Db.People.AsNoTracking().Where(p => p.Id == new PersonId(payeeId) && p.CountyId == viewer.County).Select(p => p.Name).FirstOrDefaultAsync();
            if (name is null)
            {
                return Refusal.NotFound("Person " + payeeId.ToString("D"));
            }

            payee = Payee.Person(new PersonId(payeeId), name);
        }
        else
        {
            // R6: a counterparty by id or by its registered name or code; the operation reads the register.
            payee = input.PayMe ? Payee.Person(me, viewer.Name)
                : input.PayeeCounterpartyId is { } counterparty ? Payee.Counterparty(new CounterpartyId(counterparty), string.Empty)
                : string.IsNullOrWhiteSpace(input.PayeeName) ? Payee.None
                : Payee.Named(input.PayeeName.Trim());
        }

        var command = new SubmitMatter(viewer.County, unit, kind, input.Title!.Trim(), input.Amount ?? 0m, payee, me, viewer.InitiatorKind, MatterFlags.None, input.MatterDate ?? viewer.Today)
        {
            // R40: the operation decides the flags from the county's catalogue and register, and the day of submission is the server's today.
            ItemCode = input.ItemCode,
            SubmittedOn = viewer.Today,
        };
        var claim = input.Lines is null && input.Vouchers is null && input.Reception is null ? null : new Core.Finance.ClaimDetails(input.Lines ?? [], input.Vouchers ?? []) { Reception = input.Reception };
        return Result<(SubmitMatter, Core.Finance.ClaimDetails?, string?)>.Ok((command, claim, string.IsNullOrWhiteSpace(input.BudgetLine) ? null : input.BudgetLine.Trim()));
    }

    /// <summary>The matter when the viewer may see it; otherwise NotFound (another unit's matter does not exist for them).</summary>
    public async Task<Result<Matter>> GetAsync(Viewer viewer, Guid id)
    {
        var matter = await Db.Matters.AsNoTracking().Include(m => m.Actions).Include(m => m.Changes)
            .FirstOrDefaultAsync(m => m.Id == new MatterId(id) && m.CountyId == viewer.County);
        return matter is not null && viewer.MaySee(matter) ? Result<Matter>.Ok(matter) : Refusal.NotFound("Matter " + id.ToString("D"));
    }

    /// <summary>The actions the viewer may take now (buttons): the step's own action, and reject / return on a deciding step.</summary>
    public static IReadOnlyList<ActionKind> AvailableActions(Viewer viewer, Matter matter) => AvailableActions(viewer, matter, []);

    /// <summary>The same, also for the steps of people who delegated to the viewer (代理); the core still checks each attempt.</summary>
    public static IReadOnlyList<ActionKind> AvailableActions(Viewer viewer, Matter matter, IReadOnlyList<PersonId> actingFor)
    {
        if (viewer.Person is not { } me || viewer.Org is null || matter.CurrentStep is not { } step
            || (!matter.IsWaitingFor(me, viewer.Org) && !actingFor.Any(p => matter.IsWaitingFor(p, viewer.Org))))
        {
            return [];
        }

        return StepActions.IsDeciding(step.Kind)
            ? [StepActions.CompletingAction(step.Kind), ActionKind.Return, ActionKind.Reject]
            : [StepActions.CompletingAction(step.Kind)];
    }

    public async Task<ActOutcome> ActAsync(Viewer viewer, Guid id, ActInput input)
    {
        var shape = InputRules.CheckAct(input);
        if (!shape.IsOk)
        {
            return new(shape.Refusal!, false);
        }

        if (viewer.Person is not { } me)
        {
            return new(Refusal.NotFound("Matter " + id.ToString("D")), false);
        }

        // The writer loads the matter and checks that the viewer may see it: no load here on the way in.
        var started = clock.Now;
        var behalf = input.OnBehalfOf is { } other ? new PersonId(other) : (PersonId?)null;
        var result = await operations.ActAsync(viewer.County, new MatterId(id), new ActRequest(me, input.Action!.Value, input.Comment, input.Reference, behalf), viewer.MaySee);
        if (result.IsOk || result.Refusal!.RuleId == Refusal.NotFoundId)
        {
            return new(result, false);
        }

        // Refused by a rule: the matter is as it was, so the state it was refused in can be read back.
        // The core decided; this only chooses between 403 (no part in the step) and 409 (the state).
        // A matter that moved on while this request was on its way, or since the step the client says it
        // saw, is a conflict too: the loser of two racing approvals hears that, not that it had no part.
        var found = await GetAsync(viewer, id);
        var eligible = found.IsOk && viewer.Org is not null
            && (found.Value.IsWaitingFor(me, viewer.Org)
                || found.Value.Actions.Any(a => a.At >= started)
                || (input.Step is { } seen && (seen != found.Value.CurrentStepIndex || (input.Round is { } round && round != found.Value.Round)))
                || (behalf is { } b && (await ActingForAsync(viewer, found.Value)).Contains(b)));
        return new(result, !eligible);
    }

    /// <summary>
    /// Delegators whose steps on this matter the viewer may take now under an active delegation (代理),
    /// for the on-behalf-of choice; the core checks again when the action is taken.
    /// </summary>
    public async Task<IReadOnlyList<PersonId>> ActingForAsync(Viewer viewer, Matter matter)
    {
        if (viewer.Person is not { } me || viewer.Org is null || matter.CurrentStep is null)
        {
            return [];
        }

        var held = await DelegationOperations.ActiveForAsync(Db, viewer.County, me, clock.Now);
        return held.Where(d => d.UnitId == matter.UnitId && d.Covers(matter.Area) && matter.IsWaitingFor(d.DelegatorId, viewer.Org))
            .Select(d => d.DelegatorId).Distinct().ToList();
    }

    /// <summary>R42: the initiator edits title, amount or payee; a material edit sends the matter back through approval.</summary>
    public async Task<Result<Matter>> EditAsync(Viewer viewer, Guid id, EditInput input)
    {
        var shape = InputRules.CheckEdit(input);
        if (!shape.IsOk)
        {
            return shape.Refusal!;
        }

        var found = await GetAsync(viewer, id);
        if (!found.IsOk)
        {
            return found.Refusal!;
        }

        var matter = found.Value;
        // R6: another registered counterparty, by id or by its registered name or code (the operation reads the register).
        var payee = input.PayeeCounterpartyId is { } counterparty ? (new CounterpartyId(counterparty) == matter.Payee.CounterpartyId ? null : Payee.Counterparty(new CounterpartyId(counterparty), string.Empty))
            : input.PayeeName is { } name && name.Trim() != matter.Payee.Name ? Payee.Named(name.Trim())
            : null;
        var edited = await operations.EditAsync(viewer.County, matter.Id, new EditMatter(viewer.Person!.Value, input.Amount, payee, input.Title?.Trim()));
        if (!edited.IsOk)
        {
            return edited.Refusal!;
        }

        return await GetAsync(viewer, id);
    }

    public async Task<Result<MatterChange>> WithdrawAsync(Viewer viewer, Guid id)
    {
        var found = await GetAsync(viewer, id);
        return found.IsOk ? await operations.WithdrawAsync(viewer.County, found.Value.Id, viewer.Person!.Value) : found.Refusal!;
    }

    /// <summary>R18, R40: the office corrects a purchase plan's catalogue entry; the core decides who may, the catalogue decides the route.</summary>
    public async Task<Result<MatterChange>> CorrectItemAsync(Viewer viewer, Guid id, string? itemCode)
    {
        if ((itemCode?.Trim().Length ?? 0) is 0 or > InputRules.MaxItemCode)
        {
            return Refusal.Because(Refusal.InvalidId, "ItemCodeText", "itemCode: a catalogue code of 1 to {max} characters, or \"none\".", ("max", InputRules.MaxItemCode.ToString(CultureInfo.InvariantCulture)));
        }

        if (viewer.Person is not { } me)
        {
            return Refusal.NotFound("Matter " + id.ToString("D"));
        }

        return await operations.CorrectItemAsync(viewer.County, new MatterId(id), me, itemCode!.Trim(), viewer.MaySee);
    }

    /// <summary>The viewer is an office reviewer of the matter's unit and the matter's catalogue entry may still be corrected (the core checks again).</summary>
    public static bool MayCorrectItem(Viewer viewer, Matter matter) =>
        matter.Kind == MatterKind.PurchasePlan && viewer.Holds(Role.OfficeReviewer) && viewer.Unit == matter.UnitId && viewer.Person != matter.InitiatorId
        && matter.State is MatterState.Pending or MatterState.Returned && matter.DecidedTerms is null;

    public async Task<Result<MatterChange>> ResubmitAsync(Viewer viewer, Guid id)
    {
        var found = await GetAsync(viewer, id);
        return found.IsOk ? await operations.ResubmitAsync(viewer.County, found.Value.Id, viewer.Person!.Value) : found.Refusal!;
    }

    /// <summary>Steps waiting for the viewer now, oldest first, with due dates (<see cref="TaskQueries.TasksAsync"/>).</summary>
    public async Task<IReadOnlyList<TaskItem>> TasksAsync(Viewer viewer) =>
        viewer.Person is { } me && viewer.Unit is { } unit && viewer.Org is { } org
            ? await tasks.TasksAsync(Db, new TaskAsker(viewer.County, unit, me, org), clock.Now)
            : [];

    /// <summary>
    /// A numbered page of the matters the viewer's list reaches (the core's <see cref="MatterListScope"/>;
    /// <paramref name="mine"/>: their own submissions) that the request finds, with the total count.
    /// </summary>
    public async Task<CountedPage<Matter>> FindAsync(Viewer viewer, MatterListRequest request, bool mine = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = await NarrowedAsync(viewer, request);
        return await MatterQueries.FindAsync(Db, MatterListScope.Of(viewer.Asker, mine), filter, request.Page, request.Size);
    }

    /// <summary>Every matter the same list finds, for export: the same scope and filter as <see cref="FindAsync"/>, all pages.</summary>
    public async Task<IReadOnlyList<Matter>> AllAsync(Viewer viewer, MatterListRequest request, bool mine = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var filter = await NarrowedAsync(viewer, request);
        var all = new List<Matter>();
        await foreach (var matter in MatterQueries.AllAsync(Db, MatterListScope.Of(viewer.Asker, mine), filter))
        {
            all.Add(matter);
        }

        return all;
    }

    /// <summary>The request's filter narrowed to the viewer's tasks ("waiting for me") and to overdue steps, as the core decided them.</summary>
    private async Task<MatterFilter> NarrowedAsync(Viewer viewer, MatterListRequest request)
    {
        var filter = request.Filter;
        if (request.Waiting)
        {
            filter = filter with { Only = (await TasksAsync(viewer)).Select(t => t.Matter.Id).ToList() };
        }

        if (request.Overdue)
        {
            var overdue = viewer.Unit is { } unit ? await tasks.OverdueAsync(Db, viewer.County, unit, clock.Now) : [];
            filter = filter with { Only = filter.Only is { } only ? only.Intersect(overdue).ToList() : overdue };
        }

        return filter;
    }

    /// <summary>
    /// Matters newest first, cursor paged (<see cref="MatterQueries.ListAsync"/>): the viewer's own
    /// submissions (<paramref name="mine"/>), or the unit's matters the core lets the viewer's roles see.
    /// </summary>
    public Task<Result<Page<Matter>>> ListAsync(Viewer viewer, bool mine, string? cursor, int limit, bool withActions = true) =>
        MatterQueries.ListAsync(Db, MatterListScope.Of(viewer.Asker, mine), cursor, limit, withActions);

    /// <summary>The matter's ledger entries, each with its inclusion proof against the latest signed tree head (R44).</summary>
    public async Task<Result<MatterLedger>> LedgerAsync(Viewer viewer, Guid id)
    {
        var found = await GetAsync(viewer, id);
        if (!found.IsOk)
        {
            return found.Refusal!;
        }

        // The core decides which entries are the matter's and whether the viewer may read them (R44).
        var matter = found.Value;
        var county = viewer.County.Value;
        Func<LedgerEntry, bool> visible = viewer.Org is { } org ? LedgerAccess.EntriesVisibleTo(viewer.Asker, matter, org) : _ => false;
        var subjects = LedgerAccess.SubjectsOf(matter).ToList();
        var rows = await LedgerProofs.EntriesAboutAsync(Db, viewer.County, subjects);
        var head = await Db.TreeHeads.AsNoTracking().Where(h => h.CountyId == county).OrderByDescending(h => h.TreeSize).FirstOrDefaultAsync();
        if (head is null)
        {
            return Result<MatterLedger>.Ok(new MatterLedger(matter, [], null));
        }

        // The tree the head signed, read from its tiles: a few tile reads per proof (R44).
        var tree = await LedgerTiles.TreeAsync(Db, viewer.County, head.TreeSize);
        var items = rows.Select(row => (Row: row, Entry: LedgerEntry.Parse(row.Bytes))).Where(e => visible(e.Entry)).Select(e =>
        {
            var (row, entry) = e;
            IReadOnlyList<byte[]> proof = row.Sequence < head.TreeSize ? LedgerTiles.InclusionProofOrEmpty(tree, row.Sequence) : [];
            var verified = row.Sequence < head.TreeSize && MerkleProofs.VerifyInclusion(row.Sequence, head.TreeSize, MerkleHash.Leaf(row.Bytes), proof, head.RootHash);
            return new LedgerItem(row.Sequence, entry.At, entry.Kind, entry.SubjectType, entry.SubjectId, entry.Data, Convert.ToHexStringLower(row.LeafHash), proof.Select(Convert.ToHexStringLower).ToList(), verified);
        }).ToList();
        var view = new SignedHeadView(head.TreeSize, Convert.ToHexStringLower(head.RootHash), head.At, Convert.ToHexStringLower(head.Signature), Convert.ToHexStringLower(store.Signer.PublicKey));
        return Result<MatterLedger>.Ok(new MatterLedger(matter, items, view));
    }

    /// <summary>Names of the people in the viewer's unit view (for showing who acted).</summary>
    public static string NameOf(Viewer viewer, PersonId person) => viewer.Org?.NameOf(person) ?? person.ToString();

}
