using System.Globalization;
using Fenquan.Core.Flags;
using Fenquan.Core.Matters;
using Fenquan.Core.Organization;
using Fenquan.Core.Policy;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Construction;

/// <summary>
/// A construction project from its proposal to its final payment (R19–R22). The decisions are
/// matters decided in meetings: the proposal (立项, a <see cref="MatterKind.ConstructionProject"/>
/// matter), the contractor (R21, a <see cref="MatterKind.ContractorChoice"/> matter naming a noticed
/// candidate at its bid price) and each variation order (<see cref="MatterKind.VariationOrder"/>,
/// re-approved; collective once the variations pass the project's share of the contract). This
/// aggregate holds what happens between them — the tender through the district tender office (R20),
/// the bids and their ranking, the 3-day notice of the winning candidates, the contract, acceptance
/// and the settlement audit — and decides what may be paid on the contract (<see cref="CheckPayment"/>).
/// Its tender method, procedure and result are public (R22). Each change is ledgered as the row's new
/// state, naming who made it (<see cref="UpdatedBy"/>).
/// </summary>
public sealed class ConstructionProject
{
    public const int MaxText = 1000;

    public const int MaxReference = 200;

    /// <summary>Larger than any county's budget (the matters' own bound): an absurd amount is refused, not stored.</summary>
    public const decimal MaxAmount = 999_999_999_999.99m;

    private readonly List<Bid> _bids = [];
    private readonly List<ProjectVariation> _variations = [];

    private ConstructionProject()
    {
        Title = string.Empty;
    }

    private ConstructionProject(Matter proposal, bool township, ConstructionSettings settings, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        CountyId = proposal.CountyId;
        UnitId = proposal.UnitId;
        ProposalMatterId = proposal.Id;
        Title = proposal.Title;
        Budget = proposal.Amount;
        Township = township;
        VariationShare = settings.VariationShare;
        NoticeDays = settings.NoticeDays;
        ProgressShare = settings.ProgressShare;
        Stage = ConstructionStage.Proposed;
        UpdatedBy = proposal.InitiatorId;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public CountyId CountyId { get; private set; }

    public UnitId UnitId { get; private set; }

    /// <summary>The proposal (立项) decided collectively.</summary>
    public MatterId ProposalMatterId { get; private set; }

    public string Title { get; private set; }

    /// <summary>The proposal's amount (yuan): the project's budget.</summary>
    public decimal Budget { get; private set; }

    /// <summary>R20: a township's own tender runs under the district's guidance, which it records.</summary>
    public bool Township { get; private set; }

    /// <summary>Frozen from <see cref="ConstructionSettings"/> when proposed.</summary>
    public decimal VariationShare { get; private set; }

    public int NoticeDays { get; private set; }

    public decimal ProgressShare { get; private set; }

    public ConstructionStage Stage { get; private set; }

    public TenderMethod? Method { get; private set; }

    public string? TenderOfficeReference { get; private set; }

    /// <summary>Why a single source (单一来源), in writing.</summary>
    public string? Justification { get; private set; }

    public string? DistrictGuidance { get; private set; }

    public DateOnly? TenderedOn { get; private set; }

    /// <summary>The bid evaluation committee's report (评标报告).</summary>
    public string? EvaluationReference { get; private set; }

    public DateOnly? RankedOn { get; private set; }

    /// <summary>中标候选人公示: the first day, and where.</summary>
    public DateOnly? NoticeFrom { get; private set; }

    public string? NoticeWhere { get; private set; }

    public MatterId? ContractorMatterId { get; private set; }

    public Guid? ChosenBidId { get; private set; }

    /// <summary>R21: why the team is asked for a candidate other than the first-ranked.</summary>
    public string? ChoiceReason { get; private set; }

    public string? ContractReference { get; private set; }

    public decimal? ContractAmount { get; private set; }

    public CounterpartyId? ContractorId { get; private set; }

    public string? ContractorName { get; private set; }

    public DateOnly? SignedOn { get; private set; }

    public DateOnly? WorksFrom { get; private set; }

    public DateOnly? WorksUntil { get; private set; }

    /// <summary>质保金: the share of the settlement kept until the warranty ends.</summary>
    public decimal? RetentionRate { get; private set; }

    public int? WarrantyMonths { get; private set; }

    public DateOnly? AcceptedOn { get; private set; }

    public string? AcceptanceReference { get; private set; }

    public decimal? AuditedAmount { get; private set; }

    public DateOnly? AuditedOn { get; private set; }

    public string? AuditReference { get; private set; }

    public PersonId UpdatedBy { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<Bid> Bids => _bids;

    public IReadOnlyList<ProjectVariation> Variations => _variations;

    /// <summary>The day the contractor may first be chosen: the notice's first day plus its days.</summary>
    public DateOnly? NoticeEndsOn => NoticeFrom?.AddDays(NoticeDays);

    public DateOnly? WarrantyEndsOn => AcceptedOn is { } accepted && WarrantyMonths is { } months ? accepted.AddMonths(months) : null;

    /// <summary>The winning candidates (中标候选人): the first three ranked bids, in rank order.</summary>
    public IReadOnlyList<Bid> Candidates => [.. _bids.Where(b => b.Rank is not null).OrderBy(b => b.Rank).Take(3)];

    /// <summary>The proposal's project, opened in the unit of work that submits its proposal matter.</summary>
    public static Result<ConstructionProject> Propose(Matter proposal, bool township, ConstructionSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(settings);
        if (proposal.Kind != MatterKind.ConstructionProject)
        {
            return Refusal.Because(Refusal.InvalidId, "ProjectNeedsProjectMatter", "A construction project is proposed by a construction-project matter.");
        }

        var valid = settings.Check();
        return valid.IsOk ? Result<ConstructionProject>.Ok(new ConstructionProject(proposal, township, settings, now)) : valid.Refusal!;
    }

    /// <summary>
    /// R20: the tender through the district tender office, once the proposal was decided (its matter
    /// approved: collective decision, hand-off, notice). Single source needs a written justification
    /// and raises a red flag on the proposal (R47), returned for the caller to store; a township's
    /// tender records the district's guidance.
    /// </summary>
    public Result<RedFlag?> RecordTender(Matter proposal, RecordTender command, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(command);
        var today = Today(now);
        var allowed = ConstructionAccess.CheckRecorder(this, command.By, org, today);
        if (!allowed.IsOk)
        {
            return allowed.Refusal!;
        }

        if (Stage != ConstructionStage.Proposed)
        {
            return Refusal.Because("R20", "TenderRecorded", "The tender of \"{title}\" is already recorded ({method}); a project is tendered once.", ("title", Title), ("method", Method?.ToString() ?? "?"));
        }

        if (proposal.Id != ProposalMatterId || proposal.State != MatterState.Approved)
        {
            return Refusal.Because("R21", "ProposalNotDecided", "The proposal of \"{title}\" is {state}: a project is tendered only once the team has decided it collectively and handed it to the tender office.",
                ("title", Title), ("state", proposal.State.ToString()));
        }

        if (!Enum.IsDefined(command.Method))
        {
            return Refusal.Because(Refusal.InvalidId, "TenderMethodUnknown", "method: Open, Invited, CompetitiveNegotiation or SingleSource.");
        }

        var reference = Text(command.TenderOfficeReference, MaxReference);
        if (reference is null)
        {
            return Refusal.Because("R20", "TenderOfficeReference", "A project is tendered through the district tender office: record its reference for \"{title}\".", ("title", Title));
        }

        var justification = Text(command.Justification, MaxText);
        if (command.Method == TenderMethod.SingleSource && justification is null)
        {
            return Refusal.Because("R20", "SingleSourceJustification", "A single source (单一来源) needs a written justification: why only one contractor can do \"{title}\".", ("title", Title));
        }

        var guidance = Text(command.DistrictGuidance, MaxText);
        if (Township && guidance is null)
        {
            return Refusal.Because("R20", "DistrictGuidance", "A township's own tender runs under the district's guidance and supervision: record the district tender office's guidance for \"{title}\".", ("title", Title));
        }

        Method = command.Method;
        TenderOfficeReference = reference;
        Justification = justification;
        DistrictGuidance = guidance;
        TenderedOn = today;
        Touch(ConstructionStage.Tendered, command.By, now);

        // R47: a single source is itself a red flag, shown to everyone who sees the proposal.
        return Result<RedFlag?>.Ok(command.Method == TenderMethod.SingleSource
            ? RedFlag.Raise(proposal, new FlagFinding(RedFlagKind.SingleSource, Total: Budget), now)
            : null);
    }

    /// <summary>R20: a bid of a registered counterparty at its price, while the tender is open (before ranking).</summary>
    public Result<Bid> RecordBid(PersonId by, CounterpartyId bidder, string bidderName, decimal price, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(bidderName);
        var allowed = ConstructionAccess.CheckRecorder(this, by, org, Today(now));
        if (!allowed.IsOk)
        {
            return allowed.Refusal!;
        }

        if (Stage != ConstructionStage.Tendered)
        {
            return Refusal.Because("R20", "BidsClosed", "Bids on \"{title}\" are recorded after its tender and before the evaluation committee ranks them; it is {stage}.", ("title", Title), ("stage", Stage.ToString()));
        }

        if (price is <= 0m or > MaxAmount || decimal.Round(price, 2) != price)
        {
            return Refusal.Because(Refusal.InvalidId, "BidPriceInvalid", "A bid's price is above zero, to the fen.");
        }

        if (_bids.Any(b => b.BidderId == bidder))
        {
            return Refusal.Because("R20", "OneBidEach", "{bidder} has already bid on \"{title}\"; each bidder bids once.", ("bidder", bidderName), ("title", Title));
        }

        if (Method == TenderMethod.SingleSource && _bids.Count > 0)
        {
            return Refusal.Because("R20", "SingleSourceOneBid", "\"{title}\" is a single source: it has one bidder.", ("title", Title));
        }

        var bid = new Bid(this, bidder, bidderName.Trim(), price, by, now);
        _bids.Add(bid);
        Touch(Stage, by, now);
        return Result<Bid>.Ok(bid);
    }

    /// <summary>
    /// R20: the bid evaluation committee's ranking, every bid in order, with its report. An open or
    /// invited tender needs at least three bids (《招标投标法》第二十八条), a competitive negotiation two.
    /// </summary>
    public Outcome Rank(PersonId by, IReadOnlyList<Guid> order, string? evaluationReference, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        var allowed = ConstructionAccess.CheckRecorder(this, by, org, Today(now));
        if (!allowed.IsOk)
        {
            return allowed;
        }

        if (Stage != ConstructionStage.Tendered)
        {
            return Refusal.Because("R20", "RankOnce", "\"{title}\" is {stage}: the evaluation committee ranks the bids once, after the tender.", ("title", Title), ("stage", Stage.ToString()));
        }

        var needed = Method switch
        {
            TenderMethod.Open or TenderMethod.Invited => 3,
            TenderMethod.CompetitiveNegotiation => 2,
            TenderMethod.SingleSource or null => 1,
            _ => 3,
        };
        if (_bids.Count < needed)
        {
            return Refusal.Because("R20", "TooFewBids", "\"{title}\" has {count} bid(s); a tender by {method} needs at least {needed}, or it is tendered again.",
                ("title", Title), ("count", _bids.Count.ToString(CultureInfo.InvariantCulture)), ("method", Method?.ToString() ?? "?"), ("needed", needed.ToString(CultureInfo.InvariantCulture)));
        }

        if (order.Count != _bids.Count || order.Distinct().Count() != order.Count || order.Any(id => _bids.All(b => b.Id != id)))
        {
            return Refusal.Because(Refusal.InvalidId, "RankingIncomplete", "The ranking lists every bid of the project once, best first.");
        }

        var reference = Text(evaluationReference, MaxReference);
        if (reference is null)
        {
            return Refusal.Because("R20", "EvaluationReference", "The ranking is the bid evaluation committee's: record its report's reference.");
        }

        for (var i = 0; i < order.Count; i++)
        {
            _bids.Single(b => b.Id == order[i]).RankAs(i + 1);
        }

        EvaluationReference = reference;
        RankedOn = Today(now);
        Touch(ConstructionStage.Ranked, by, now);
        return Outcome.Ok;
    }

    /// <summary>R22: the winning candidates are publicly noticed from today, where the tender office publishes them, for the project's notice days.</summary>
    public Outcome NoticeCandidates(PersonId by, string? where, IOrganizationView org, DateTimeOffset now)
    {
        var today = Today(now);
        var allowed = ConstructionAccess.CheckRecorder(this, by, org, today);
        if (!allowed.IsOk)
        {
            return allowed;
        }

        if (Stage != ConstructionStage.Ranked)
        {
            return Refusal.Because("R22", "NoticeAfterRanking", "\"{title}\" is {stage}: its winning candidates are noticed once, after the ranking.", ("title", Title), ("stage", Stage.ToString()));
        }

        var place = Text(where, MaxReference);
        if (place is null)
        {
            return Refusal.Because("R22", "NoticeWhere", "Record where the winning candidates of \"{title}\" are publicly noticed.", ("title", Title));
        }

        NoticeFrom = today;
        NoticeWhere = place;
        Touch(ConstructionStage.Noticed, by, now);
        return Outcome.Ok;
    }

    /// <summary>
    /// R21: whether the contractor may be proposed to the team now, as <paramref name="bidId"/>:
    /// only after the candidates' notice has run its days, only a noticed candidate, and a candidate
    /// other than the first-ranked only with the reasons written. Another proposal only once the last
    /// one was rejected or withdrawn.
    /// </summary>
    public Result<Bid> CheckContractorChoice(Guid bidId, string? reason, Matter? previous, DateTimeOffset now)
    {
        var today = Today(now);
        var again = Stage == ConstructionStage.ContractorProposed && previous is { State: MatterState.Rejected or MatterState.Withdrawn };
        if (Stage is ConstructionStage.Proposed or ConstructionStage.Tendered or ConstructionStage.Ranked)
        {
            return Refusal.Because("R21", "CandidatesNotNoticed", "The winning candidates of \"{title}\" are publicly noticed for {days} days before the team chooses the contractor; it is {stage}.",
                ("title", Title), ("days", NoticeDays.ToString(CultureInfo.InvariantCulture)), ("stage", Stage.ToString()));
        }

        if (Stage != ConstructionStage.Noticed && !again)
        {
            return Refusal.Because("R21", "ContractorProposed", "The contractor of \"{title}\" has already been put to the team; another is proposed only if the team rejects it.", ("title", Title));
        }

        if (today < NoticeEndsOn)
        {
            return Refusal.Because("R21", "CandidateNoticeRunning", "The winning candidates of \"{title}\" are publicly noticed from {from} for {days} days; the team chooses the contractor from {ends}, not on {today}.",
                ("title", Title), ("from", Day(NoticeFrom!.Value)), ("days", NoticeDays.ToString(CultureInfo.InvariantCulture)), ("ends", Day(NoticeEndsOn!.Value)), ("today", Day(today)));
        }

        var bid = Candidates.FirstOrDefault(b => b.Id == bidId);
        if (bid is null)
        {
            return Refusal.Because("R21", "NotACandidate", "The contractor of \"{title}\" is one of its noticed winning candidates.", ("title", Title));
        }

        if (bid.Rank != 1 && Text(reason, MaxText) is null)
        {
            return Refusal.Because("R21", "ReasonForNotFirst", "{bidder} is ranked {rank}: proposing a candidate other than the first-ranked needs the reasons in writing, for the team to decide on.",
                ("bidder", bid.BidderName), ("rank", bid.Rank!.Value.ToString(CultureInfo.InvariantCulture)));
        }

        return Result<Bid>.Ok(bid);
    }

    /// <summary>Links the contractor-choice matter submitted for <paramref name="bid"/> (after <see cref="CheckContractorChoice"/>), in the same unit of work.</summary>
    public void ProposeContractor(Matter choice, Bid bid, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(bid);
        ContractorMatterId = choice.Id;
        ChosenBidId = bid.Id;
        ChoiceReason = bid.Rank == 1 ? null : Text(reason, MaxText);
        Touch(ConstructionStage.ContractorProposed, choice.InitiatorId, now);
    }

    /// <summary>
    /// R21: the contract with the contractor the team chose, once its matter is approved: with the
    /// counterparty and at most the amount the meeting decided, its term, retention rate (at most 3 %)
    /// and warranty.
    /// </summary>
    public Outcome SignContract(Matter choice, SignContract command, IOrganizationView org, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(command);
        var today = Today(now);
        var allowed = ConstructionAccess.CheckRecorder(this, command.By, org, today);
        if (!allowed.IsOk)
        {
            return allowed;
        }

        if (Stage != ConstructionStage.ContractorProposed || choice.Id != ContractorMatterId || choice.State != MatterState.Approved)
        {
            return Refusal.Because("R21", "ContractorNotDecided", "The contractor of \"{title}\" is chosen by the team collectively before the contract is signed; it is {stage}, its choice {state}.",
                ("title", Title), ("stage", Stage.ToString()), ("state", choice.State.ToString()));
        }

        var decided = choice.DecidedTerms?.Amount ?? choice.Amount;
        var payee = choice.DecidedTerms?.Payee ?? choice.Payee;
        if (command.Amount is <= 0m or > MaxAmount || decimal.Round(command.Amount, 2) != command.Amount)
        {
            return Refusal.Because(Refusal.InvalidId, "ContractAmountInvalid", "A contract's amount is above zero, to the fen.");
        }

        if (command.Amount > decided)
        {
            return Refusal.Because("R21", "ContractAboveDecided", "A contract of {amount} exceeds the {decided} the team decided for {contractor}.",
                RefusalArgument.Amount("amount", command.Amount), RefusalArgument.Amount("decided", decided), ("contractor", payee.Name));
        }

        var reference = Text(command.Reference, MaxReference);
        if (reference is null || command.WorksUntil < command.WorksFrom || command.SignedOn > today.AddDays(1) || command.SignedOn < today.AddYears(-1) || command.WorksFrom < command.SignedOn.AddYears(-1)
            || command.RetentionRate is < 0m or > ConstructionSettings.MaxRetentionRate || decimal.Round(command.RetentionRate, 2) != command.RetentionRate || command.WarrantyMonths is < 1 or > 120)
        {
            return Refusal.Because(Refusal.InvalidId, "ContractTermsInvalid", "A contract names its number, its term (works from, until), the day signed (within the past year, not after today), a retention rate from 0 to 0.03 (in hundredths) and a warranty of 1 to 120 months.");
        }

        ContractReference = reference;
        ContractAmount = command.Amount;
        ContractorId = payee.CounterpartyId;
        ContractorName = payee.Name;
        SignedOn = command.SignedOn;
        WorksFrom = command.WorksFrom;
        WorksUntil = command.WorksUntil;
        RetentionRate = command.RetentionRate;
        WarrantyMonths = command.WarrantyMonths;
        Touch(ConstructionStage.Contracted, command.By, now);
        return Outcome.Ok;
    }

    /// <summary>
    /// R19: whether a variation order of <paramref name="amount"/> may be submitted, and whether the
    /// variations with it pass the project's share of the contract, so that it needs a collective
    /// decision. Variations rejected or withdrawn do not count.
    /// </summary>
    public Result<bool> CheckVariation(decimal amount, IReadOnlyCollection<Matter> variationMatters)
    {
        ArgumentNullException.ThrowIfNull(variationMatters);
        if (Stage is not (ConstructionStage.Contracted or ConstructionStage.Accepted) || ContractAmount is not { } contract)
        {
            return Refusal.Because("R19", "VariationNeedsContract", "A variation order changes a signed contract not yet audited; \"{title}\" is {stage}.", ("title", Title), ("stage", Stage.ToString()));
        }

        if (amount is <= 0m or > MaxAmount)
        {
            return Refusal.Because(Refusal.InvalidId, "VariationAmountInvalid", "A variation order's amount is above zero.");
        }

        var live = _variations.Where(v => variationMatters.FirstOrDefault(m => m.Id == v.MatterId) is not { State: MatterState.Rejected or MatterState.Withdrawn }).Sum(v => v.Amount);
        return Result<bool>.Ok(live + amount > contract * VariationShare);
    }

    /// <summary>
    /// Links a variation's matter, submitted in the same unit of work. R19: one beyond the share is
    /// refused unless its route ends in a collective decision (a unit policy from before the share
    /// existed routes it by amount alone: fail closed).
    /// </summary>
    public Result<ProjectVariation> AddVariation(Matter variation, bool beyondShare, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(variation);
        if (beyondShare && variation.Route.Steps.All(s => s.Kind != StepKind.CollectiveDecision))
        {
            return Refusal.Because("R19", "VariationNeedsMeeting",
                "With this one the variation orders of \"{title}\" pass {share} of its contract; they need a collective decision, and the unit's policy routes this one without a meeting.",
                ("title", Title), ("share", VariationShare.ToString("P0", CultureInfo.InvariantCulture)));
        }

        var row = new ProjectVariation(this, variation.Id, variation.Amount, beyondShare, now);
        _variations.Add(row);
        Touch(Stage, variation.InitiatorId, now);
        return Result<ProjectVariation>.Ok(row);
    }

    /// <summary>The variations approved so far (at the amount a meeting decided, where one did).</summary>
    public decimal ApprovedVariations(IReadOnlyCollection<Matter> variationMatters)
    {
        ArgumentNullException.ThrowIfNull(variationMatters);
        return variationMatters.Where(m => m.State == MatterState.Approved && _variations.Any(v => v.MatterId == m.Id))
            .Sum(m => Math.Min(m.DecidedTerms?.Amount ?? m.Amount, m.Amount));
    }

    /// <summary>R19: acceptance (竣工验收) of the contracted works, on a day not after today.</summary>
    public Outcome RecordAcceptance(PersonId by, DateOnly on, string? reference, IOrganizationView org, DateTimeOffset now)
    {
        var today = Today(now);
        var allowed = ConstructionAccess.CheckRecorder(this, by, org, today);
        if (!allowed.IsOk)
        {
            return allowed;
        }

        if (Stage != ConstructionStage.Contracted)
        {
            return Refusal.Because("R19", "AcceptanceNeedsContract", "\"{title}\" is {stage}: works are accepted once, after the contract.", ("title", Title), ("stage", Stage.ToString()));
        }

        var text = Text(reference, MaxReference);
        if (text is null || on > today.AddDays(1) || on < WorksFrom)
        {
            return Refusal.Because(Refusal.InvalidId, "AcceptanceInvalid", "Acceptance names its record (验收报告) and a day within the works and not after today.");
        }

        AcceptedOn = on;
        AcceptanceReference = text;
        Touch(ConstructionStage.Accepted, by, now);
        return Outcome.Ok;
    }

    /// <summary>R19: the settlement audit (结算审计) after acceptance, at most the contract and its approved variations.</summary>
    public Outcome RecordSettlementAudit(PersonId by, decimal audited, string? reference, IReadOnlyCollection<Matter> variationMatters, IOrganizationView org, DateTimeOffset now)
    {
        var today = Today(now);
        var allowed = ConstructionAccess.CheckRecorder(this, by, org, today);
        if (!allowed.IsOk)
        {
            return allowed;
        }

        if (Stage != ConstructionStage.Accepted)
        {
            return Refusal.Because("R19", "AuditAfterAcceptance", "\"{title}\" is {stage}: the settlement is audited once, after acceptance.", ("title", Title), ("stage", Stage.ToString()));
        }

        var ceiling = ContractAmount!.Value + ApprovedVariations(variationMatters);
        if (audited > ceiling)
        {
            return Refusal.Because("R19", "AuditAboveContract", "An audited settlement of {audited} exceeds the contract and its approved variations ({ceiling}); more needs an approved variation first.",
                RefusalArgument.Amount("audited", audited), RefusalArgument.Amount("ceiling", ceiling));
        }

        var text = Text(reference, MaxReference);
        if (text is null || audited <= 0m || decimal.Round(audited, 2) != audited)
        {
            return Refusal.Because(Refusal.InvalidId, "SettlementAuditInvalid", "A settlement audit names its report and an audited amount above zero, to the fen.");
        }

        AuditedAmount = audited;
        AuditedOn = today;
        AuditReference = text;
        Touch(ConstructionStage.Audited, by, now);
        return Outcome.Ok;
    }

    /// <summary>
    /// R19: what may be paid on the contract, after <paramref name="alreadyPaid"/>. In this order:
    /// a contract is signed; all payments stay within the contract and its approved variations; before
    /// the settlement audit at most the progress share of them (the final payment waits for the
    /// audit); after it, at most the audited settlement, less the retention money until the warranty ends.
    /// </summary>
    public Outcome CheckPayment(decimal amount, decimal alreadyPaid, IReadOnlyCollection<Matter> variationMatters, DateOnly today)
    {
        if (ContractAmount is not { } contract)
        {
            return Refusal.Because("R21", "PaymentBeforeContract", "\"{title}\" has no contract yet; nothing is paid to a contractor before it.", ("title", Title));
        }

        var variations = ApprovedVariations(variationMatters);
        var ceiling = contract + variations;
        var total = alreadyPaid + amount;
        if (total > ceiling)
        {
            return Refusal.Because("R19", "PaymentAboveContract", "Paying {amount} after {paid} exceeds the contract's {contract} and its approved variations' {variations}; at most {left} is left to pay.",
                RefusalArgument.Amount("amount", amount), RefusalArgument.Amount("paid", alreadyPaid), RefusalArgument.Amount("contract", contract),
                RefusalArgument.Amount("variations", variations), RefusalArgument.Amount("left", Math.Max(0m, ceiling - alreadyPaid)));
        }

        if (AuditedAmount is not { } audited)
        {
            var progress = decimal.Round(ceiling * ProgressShare, 2);
            return total > progress
                ? Refusal.Because("R19", "FinalPaymentNeedsAudit", "Progress payments on \"{title}\" reach at most {progress} ({share} of the contract and approved variations); the final payment waits for acceptance and the settlement audit.",
                    ("title", Title), RefusalArgument.Amount("progress", progress), ("share", ProgressShare.ToString("P0", CultureInfo.InvariantCulture)))
                : Outcome.Ok;
        }

        if (total > audited)
        {
            return Refusal.Because("R19", "PaymentAboveSettlement", "Paying {amount} after {paid} exceeds the audited settlement of {audited}.",
                RefusalArgument.Amount("amount", amount), RefusalArgument.Amount("paid", alreadyPaid), RefusalArgument.Amount("audited", audited));
        }

        var retention = decimal.Round(audited * RetentionRate!.Value, 2);
        return total > audited - retention && today < WarrantyEndsOn
            ? Refusal.Because("R19", "RetentionUntilWarrantyEnds", "The retention money of {retention} on \"{title}\" is kept until its warranty ends on {ends}.",
                RefusalArgument.Amount("retention", retention), ("title", Title), ("ends", Day(WarrantyEndsOn!.Value)))
            : Outcome.Ok;
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today(DateTimeOffset now) => ChinaTime.DateOf(now);

    private static string? Text(string? text, int max)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > max ? trimmed[..max] : trimmed;
    }

    private void Touch(ConstructionStage stage, PersonId by, DateTimeOffset now)
    {
        Stage = stage;
        UpdatedBy = by;
        UpdatedAt = now;
    }
}
