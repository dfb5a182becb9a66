using System.Collections.Concurrent;
using Fenquan.Core.Matters;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Fenquan.Data.Operations;

/// <summary>
/// Submitting and acting on matters. The core decides; this class loads what it needs (the unit's
/// organisation history, the policy in force, the matter with its actions) and lets the writer
/// ledger the result in the same transaction.
/// </summary>
public sealed class MatterOperations(LedgerWriter writer, Core.Flags.FlagSettings? flagSettings = null)
{
    private readonly Core.Flags.FlagSettings _flags = flagSettings ?? Core.Flags.FlagSettings.Default;

    /// <summary>
    /// R41: the matter takes the route of the policy version in force on the day of submission, frozen
    /// for life. An expense claim's line items and vouchers (<paramref name="claim"/>, R4, R8) are
    /// checked and written with it, or the whole submission is refused; so is the budget line it is
    /// charged to (<paramref name="budgetLine"/>, an economic classification code, R4).
    /// </summary>
    public Task<Result<Matter>> SubmitAsync(SubmitMatter command, Core.Finance.ClaimDetails? claim = null, string? budgetLine = null) =>
        writer.ExecuteAsync(command.CountyId, "matter.submitted", ctx => Submit(ctx, command, claim, budgetLine, MatterFlags.None));

    /// <summary>
    /// The submission inside a unit of work, for operations that write more with the matter (a
    /// construction project's proposal, contractor choice or variation). <paramref name="dataFlags"/>
    /// are route-deciding facts the caller decided from stored data (R40: a variation beyond the
    /// project's share of its contract), never from the submitter.
    /// </summary>
    /// <summary>
    /// The matter a submission makes, not yet saved: the policy in force on the day of submission (R40,
    /// R41), the county's data deciding the flags (R40), the route rerouted around the payee (R6), and
    /// the core's checks of the submission. Both a submission and its preview (<see cref="Preview"/>)
    /// take this one path, so a preview cannot disagree with the route a submission gets.
    /// </summary>
    private static Result<(Matter Matter, PolicyRouter Router, Core.Procurement.CatalogueEntry? Entry)> Routed(WriteContext ctx, SubmitMatter command, MatterFlags dataFlags)
    {
        if (!ctx.HasUnit(command.UnitId))
        {
            return Refusal.NotFound($"Unit {command.UnitId}");
        }

        // R41 as PolicyOperations.InForce decides it, from the unit's versions the writer keeps.
        // R40: the policy in force on the day of submission, whatever date the matter carries.
        var submittedOn = command.SubmittedOn ?? ChinaTime.DateOf(ctx.Now);
        var inForce = PolicyVersion.InForceOn(ctx.PolicyVersions(command.UnitId), submittedOn);
        if (inForce is null)
        {
            return Refusal.Because("R40", "NoPolicyInForce", "No policy of this unit is in force on {date}: publish one first.", ("date", submittedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var policy = Result<(PolicyVersion Version, PolicyRouter Router)>.Ok((inForce, PolicyOperations.RouterOf(inForce)));

        var amountCheck = MatterRules.CheckAmount(command.Kind, command.Amount);
        if (!amountCheck.IsOk)
        {
            return amountCheck.Refusal!;
        }

        // R40: the route-deciding flags come from the county's catalogue and register in force,
        // never from the submitter: whatever the command's flags say is replaced.
        var catalogue = command.Kind == MatterKind.PurchasePlan ? CountyChangeOperations.CatalogueInForce(ctx.Db, command.CountyId).Catalogue : Core.Procurement.ProcurementCatalogue.Empty;
        var register = command.Kind == MatterKind.ApprovalItem ? CountyChangeOperations.RegisterInForce(ctx.Db, command.CountyId).Register : Core.Licensing.ApprovalItemRegister.Empty;
        var flags = Core.Policy.CountyFacts.FlagsOf(command.Kind, command.ItemCode, catalogue, register);
        if (!flags.IsOk)
        {
            return flags.Refusal!;
        }

        command = command with { Flags = flags.Value | dataFlags, ItemCode = Core.Policy.CountyFacts.EntryCode(command.Kind, command.ItemCode, catalogue, register) };
        var route = policy.Value.Router.Route(command.Facts);
        if (!route.IsOk)
        {
            return route.Refusal!;
        }

        var payee = Registered(ctx.Db, command.CountyId, command.Payee);
        if (!payee.IsOk)
        {
            return payee.Refusal!;
        }

        var org = ctx.UnitView(command.UnitId);
        var relatives = RelativesOf(ctx.Db, command.CountyId, payee.Value);
        var rerouted = PayeeReroute.Apply(route.Value, command.UnitId, command.Area, payee.Value, relatives, org, submittedOn);
        var matter = Matter.Submit(command with { Payee = payee.Value, PayeeRelatives = relatives }, rerouted, policy.Value.Version.Id, org, ctx.Now);
        if (!matter.IsOk)
        {
            return matter.Refusal!;
        }

        var entry = command.Flags.HasFlag(MatterFlags.CatalogueItem) && command.ItemCode is { } code ? catalogue.Find(code) : null;
        return Result<(Matter, PolicyRouter, Core.Procurement.CatalogueEntry?)>.Ok((matter.Value, policy.Value.Router, entry));
    }

    internal Result<Matter> Submit(WriteContext ctx, SubmitMatter command, Core.Finance.ClaimDetails? claim, string? budgetLine, MatterFlags dataFlags)
    {
        var routed = Routed(ctx, command, dataFlags);
        if (!routed.IsOk)
        {
            return routed.Refusal!;
        }

        var (matter, router, entry) = routed.Value;
        var itemised = claim is not null ? ClaimOperations.Attach(ctx, matter, claim) : Outcome.Ok;
        if (!itemised.IsOk)
        {
            return itemised.Refusal!;
        }

        var tied = ReceptionOperations.Tie(ctx, matter, claim); // R31
        if (!tied.IsOk)
        {
            return tied.Refusal!;
        }

        var raise = Core.Finance.BudgetCharge.CheckRaiseNamesLine(matter, budgetLine); // R4
        if (!raise.IsOk)
        {
            return raise.Refusal!;
        }

        var charged = budgetLine is not null ? BudgetOperations.Charge(ctx, matter, budgetLine) : Outcome.Ok;
        if (!charged.IsOk)
        {
            return charged.Refusal!;
        }

        ctx.Db.Matters.Add(matter);
        ctx.Keep(matter.Id.Value, matter);
        FlagOperations.RaiseAtSubmission(ctx, matter, router.Policy, entry, _flags); // R47
        ctx.Db.AddRange(MatterNotices.Submitted(matter, ctx.UnitView(matter.UnitId), ctx.Now));
        return Result<Matter>.Ok(matter);
    }

    /// <summary>
    /// The route a submission would take now, and who would act on each step (issue 14), from the same
    /// path a submission takes (<see cref="Routed"/>) on <paramref name="db"/>: nothing is written and
    /// the writer is not asked, so a live preview never waits behind submissions.
    /// </summary>
    public static Result<RoutePreview> Preview(FenquanDbContext db, DateTimeOffset now, SubmitMatter command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var ctx = new WriteContext(db, now, command.CountyId);
        var routed = Routed(ctx, command, MatterFlags.None);
        return routed.IsOk ? Result<RoutePreview>.Ok(RoutePreview.Of(routed.Value.Matter, ctx.UnitView(command.UnitId))) : routed.Refusal!;
    }

    /// <summary>
    /// An action on the matter's current step, checked by the core (R6, R7, R3, R43 …). When
    /// <see cref="ActRequest.OnBehalfOf"/> is set, the delegations from that person to the actor are
    /// loaded and the core checks the action as a delegate's (代理).
    /// </summary>
    public Task<Result<MatterAction>> ActAsync(CountyId county, MatterId matterId, ActRequest request) =>
        ActAsync(county, matterId, request, visible: null);

    /// <summary>
    /// As <see cref="ActAsync(CountyId, MatterId, ActRequest)"/>, for a caller who may see only some
    /// matters: a matter <paramref name="visible"/> rejects does not exist for them (NotFound), decided
    /// on the writer's own load of the matter, so the caller need not load it first.
    /// </summary>
    public Task<Result<MatterAction>> ActAsync(CountyId county, MatterId matterId, ActRequest request, Func<Matter, bool>? visible) =>
        writer.ExecuteAsync(county, "matter." + request.Kind.ToString().ToLowerInvariant(), ctx =>
        {
            var matter = Load(ctx, matterId);
            if (matter is null || (visible is not null && !visible(matter)))
            {
                return Refusal.NotFound($"Matter {matterId}");
            }

            var org = ctx.UnitView(matter.UnitId);
            var delegations = request.OnBehalfOf is { } delegator
                ? DelegationOperations.LoadView(ctx.Db, county, matter.UnitId, delegator, request.ActorId)
                : Core.Delegation.DelegationSet.None;
            var acted = matter.Act(request, org, delegations, ctx.Now);

            // R4: an approval that would take the matter's budget line below zero is refused (the writer drops the change).
            var budget = acted.IsOk ? BudgetOperations.CheckApproval(ctx, matter) : Outcome.Ok;
            if (!budget.IsOk)
            {
                return budget.Refusal!;
            }

            if (acted.IsOk && matter.State == MatterState.Approved)
            {
                FlagOperations.RaiseAtApproval(ctx, matter, _flags); // R47: fast approval
                var raised = BudgetOperations.RaiseOnApproval(ctx, matter); // R4–R6: an approved budget raise raises its line
                if (!raised.IsOk)
                {
                    return raised.Refusal!;
                }
            }

            if (acted.IsOk)
            {
                MatterNoticeWriter.Acted(ctx, matter, acted.Value);
            }

            return acted;
        });

    /// <summary>An action taken for <paramref name="onBehalfOf"/> under a delegation (代理); null acts in one's own right.</summary>
    public Task<Result<MatterAction>> ActAsync(CountyId county, MatterId matterId, ActRequest request, PersonId? onBehalfOf) =>
        ActAsync(county, matterId, request with { OnBehalfOf = onBehalfOf }, visible: null);

    /// <summary>R42: a material edit sends the matter back through approval, re-routed under its frozen policy (R41).</summary>
    public Task<Result<MatterChange>> EditAsync(CountyId county, MatterId matterId, EditMatter edit) =>
        writer.ExecuteAsync(county, "matter.edited", ctx =>
        {
            var matter = Load(ctx, matterId);
            if (matter is null)
            {
                return Refusal.NotFound($"Matter {matterId}");
            }

            var payee = edit.NewPayee is { } newPayee ? Registered(ctx.Db, county, newPayee) : Result<Payee>.Ok(matter.Payee);
            if (!payee.IsOk)
            {
                return payee.Refusal!;
            }

            // R4: a claim's amount is the sum of its line items.
            var lines = edit.NewAmount is { } newAmount ? Core.Finance.Claim.CheckEdit(ClaimOperations.LinesOf(ctx.Db, county, matterId), newAmount) : Outcome.Ok;
            if (!lines.IsOk)
            {
                return lines.Refusal!;
            }

            var relatives = RelativesOf(ctx.Db, county, payee.Value);
            var route = Reroute(ctx, matter, edit.NewAmount ?? matter.Amount, payee.Value, relatives);
            var step = MatterNotices.CurrentStep(matter);
            return Noticed(ctx, matter, step, route.IsOk ? matter.Edit(edit with { NewPayee = edit.NewPayee is null ? null : payee.Value, NewPayeeRelatives = relatives }, route.Value, ctx.Now) : route.Refusal!);
        });

    public Task<Result<MatterChange>> ResubmitAsync(CountyId county, MatterId matterId, PersonId by) =>
        writer.ExecuteAsync(county, "matter.resubmitted", ctx =>
        {
            var matter = Load(ctx, matterId);
            if (matter is null)
            {
                return Refusal.NotFound($"Matter {matterId}");
            }

            var route = Reroute(ctx, matter, matter.Amount, matter.Payee, RelativesOf(ctx.Db, county, matter.Payee));
            return Noticed(ctx, matter, MatterNotices.CurrentStep(matter), route.IsOk ? matter.Resubmit(by, route.Value, ctx.Now) : route.Refusal!);
        });

    /// <summary>
    /// R18, R40: an office reviewer corrects the catalogue entry a purchase plan names; the county's
    /// catalogue in force decides the flags again, and a changed route is worked out under the
    /// matter's frozen policy (R41).
    /// </summary>
    public Task<Result<MatterChange>> CorrectItemAsync(CountyId county, MatterId matterId, PersonId by, string itemCode, Func<Matter, bool>? visible = null) =>
        writer.ExecuteAsync(county, "matter.item-corrected", ctx =>
        {
            var matter = Load(ctx, matterId);
            if (matter is null || (visible is not null && !visible(matter)))
            {
                return Refusal.NotFound($"Matter {matterId}");
            }

            if (string.IsNullOrWhiteSpace(itemCode))
            {
                return Refusal.Because(Refusal.InvalidId, "ItemCodeOrNone", "itemCode: name the catalogue entry, or \"none\".");
            }

            var catalogue = CountyChangeOperations.CatalogueInForce(ctx.Db, county).Catalogue;
            var flags = Core.Policy.CountyFacts.FlagsOf(matter.Kind, itemCode, catalogue, Core.Licensing.ApprovalItemRegister.Empty);
            if (!flags.IsOk)
            {
                return flags.Refusal!;
            }

            var version = ctx.Db.PolicyVersions.AsNoTracking().SingleOrDefault(v => v.Id == matter.PolicyVersionId);
            if (version is null)
            {
                return Refusal.Because("R41", "FrozenPolicyMissing", "The policy version {version} frozen on this matter is missing.", ("version", matter.PolicyVersionId.ToString()));
            }

            var route = PolicyOperations.RouterOf(version).Route(matter.Facts with { Flags = flags.Value });
            var code = Core.Policy.CountyFacts.EntryCode(matter.Kind, itemCode, catalogue, Core.Licensing.ApprovalItemRegister.Empty)!;
            return Noticed(ctx, matter, MatterNotices.CurrentStep(matter), route.IsOk ? matter.CorrectItem(by, code, flags.Value, route.Value, ctx.UnitView(matter.UnitId), ctx.Now) : route.Refusal!);
        });

    public Task<Result<MatterChange>> WithdrawAsync(CountyId county, MatterId matterId, PersonId by) =>
        writer.ExecuteAsync(county, "matter.withdrawn", ctx =>
        {
            var matter = Load(ctx, matterId);
            return matter is null ? Refusal.NotFound($"Matter {matterId}") : Noticed(ctx, matter, MatterNotices.CurrentStep(matter), matter.Withdraw(by, ctx.Now));
        });

    // A change that moved the matter's step settles the notices it answered and tells the new step's people.
    private static Result<MatterChange> Noticed(WriteContext ctx, Matter matter, string? stepBefore, Result<MatterChange> change)
    {
        if (change.IsOk)
        {
            MatterNoticeWriter.Changed(ctx, matter, stepBefore, change.Value.ById);
        }

        return change;
    }

    /// <summary>
    /// A matter with its actions and changes, tracked on the unit's context, or null when the county
    /// has no such matter: the writer keeps matters between units, so an action on a matter acted on
    /// before does not read it again.
    /// </summary>
    public static Matter? Load(WriteContext ctx, MatterId id) => ctx.Kept(id.Value, () => Load(ctx.Db, ctx.County, id));

    /// <summary>A matter with its actions and changes, tracked, or null when the county has no such matter.</summary>
    public static Matter? Load(FenquanDbContext db, CountyId county, MatterId id) =>
        LoadMatter.GetOrAdd(db.Model, _ => EF.CompileQuery((FenquanDbContext c, MatterId i, CountyId k) =>
            c.Matters.Include(m => m.Actions).Include(m => m.Changes).SingleOrDefault(m => m.Id == i && m.CountyId == k)))(db, id, county);

    // Compiled once per model (a compiled query is bound to one model: SQLite's or PostgreSQL's):
    // the hot path of every action skips building and looking up the query.
    private static readonly ConcurrentDictionary<IModel, Func<FenquanDbContext, MatterId, CountyId, Matter?>> LoadMatter = new();

    // R41 and R6: the route of the frozen policy version for the new amount, rerouted around the
    // (new) payee and their declared relatives.
    private static Result<Core.Policy.Route> Reroute(WriteContext ctx, Matter matter, decimal amount, Payee payee, IReadOnlyList<PersonId> relatives)
    {
        var version = ctx.Db.PolicyVersions.AsNoTracking().SingleOrDefault(v => v.Id == matter.PolicyVersionId);
        if (version is null)
        {
            return Refusal.Because("R41", "FrozenPolicyMissing", "The policy version {version} frozen on this matter is missing.", ("version", matter.PolicyVersionId.ToString()));
        }

        var route = PolicyOperations.RouterOf(version).Route(matter.Facts with { Amount = amount });
        return route.IsOk
            ? Result<Core.Policy.Route>.Ok(PayeeReroute.Apply(route.Value, matter.UnitId, matter.Area, payee, relatives, ctx.UnitView(matter.UnitId), matter.SubmittedOn))
            : route;
    }

    /// <summary>
    /// R6: the people tied to the payee — a person's declared relatives (either way round), or
    /// those who declared a tie to a counterparty. They do not act on the matter, and its route
    /// goes around them.
    /// </summary>
    private static IReadOnlyList<PersonId> RelativesOf(FenquanDbContext db, CountyId county, Payee payee)
    {
        if (payee.CounterpartyId is { } counterparty)
        {
            return CounterpartyOperations.TiedTo(db, county, counterparty);
        }

        if (payee.PersonId is not { } paid)
        {
            return [];
        }

        return [.. db.Set<Core.Meetings.RelativeDeclaration>().AsNoTracking()
            .Where(r => r.CountyId == county && (r.PersonId == paid || r.RelativeId == paid))
            .Select(r => r.PersonId == paid ? r.RelativeId : r.PersonId)
            .AsEnumerable()
            .Where(p => p != paid)
            .Distinct()];
    }

    /// <summary>
    /// R6: a counterparty payee as the county's register names it (the register's name, whatever the
    /// caller wrote), or NotFound when the county has no such counterparty; a payee written by name
    /// or code as the one counterparty registered under it, refused by the core when there is none
    /// or more than one. A person of the county, and nobody, unchanged.
    /// </summary>
    internal static Result<Payee> Registered(FenquanDbContext db, CountyId county, Payee payee)
    {
        if (payee.PersonId is not null)
        {
            return Result<Payee>.Ok(payee);
        }

        if (payee.CounterpartyId is { } id)
        {
            var counterparty = CounterpartyOperations.Find(db, county, id);
            return counterparty is null ? Refusal.NotFound($"Counterparty {id}") : Result<Payee>.Ok(Payee.Counterparty(counterparty.Id, counterparty.Name));
        }

        if (payee.Name.Length == 0)
        {
            return Result<Payee>.Ok(payee);
        }

        // A payee written by name or code stands for the one registered counterparty of it (R6).
        var resolved = Core.Counterparties.Counterparty.Resolve(payee.Name, CounterpartyOperations.Named(db, county, payee.Name));
        return resolved.IsOk ? Result<Payee>.Ok(Payee.Counterparty(resolved.Value.Id, resolved.Value.Name)) : resolved.Refusal!;
    }
}
