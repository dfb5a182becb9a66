using System.Globalization;
using System.Text.Json;
using Fenquan.Core.Calendar;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Policy;

/// <summary>
/// R40: checks a policy version before it takes effect. Complete (every matter of
/// <see cref="MatterKinds"/> in the county's restricted areas, at every amount, is routed by exactly
/// one rule), within the county's bounds, safe (no route lets one person, or principals only,
/// bring a matter to approved; nobody acts on their own matter; a deputy's own expense reaches a
/// principal) and conforming to the SPEC rules the default routes implement. Each failure names a
/// counterexample. Pure: no I/O, no clock.
/// </summary>
public static class PolicyVerifier
{
    /// <summary>An amount above every band, checked as the far end of the amount line.</summary>
    public const decimal VeryLargeAmount = 999_999_999_999.99m;

    private const decimal Cent = 0.01m;

    public static PolicyVerification Verify(PolicyDocument policy, CountyBounds bounds)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(bounds);
        var run = new Run(policy, bounds);
        run.CheckBounds();
        run.CheckStepLimits();
        run.CheckRules();
        run.CheckCoverage();
        return new PolicyVerification(run.Failures);
    }

    private sealed class Run(PolicyDocument policy, CountyBounds bounds)
    {
        private readonly HashSet<(int Rule, string Code)> _reported = [];
        private readonly bool[] _usable = new bool[policy.Rules.Count];

        public List<VerificationFailure> Failures { get; } = [];

        private UnitLimits Limits => policy.Limits;

        public void CheckBounds()
        {
            var l = Limits;
            if (l is null)
            {
                Fail(VerificationCheck.WithinBounds, ["R40"], Refusal.Because("R40", "PolicyNoLimits", "The policy has no limits."), null);
                return;
            }

            if (l.SmallExpense < bounds.SmallExpenseMin || l.SmallExpense > bounds.SmallExpenseMax)
            {
                Fail(VerificationCheck.WithinBounds, ["R40", "R4"],
                    Refusal.Because("R40", "SmallExpenseOutsideBounds", "The small-expense limit S {limit} is outside the county's bounds {min}–{max}.",
                        RefusalArgument.Amount("limit", l.SmallExpense), RefusalArgument.Amount("min", bounds.SmallExpenseMin), RefusalArgument.Amount("max", bounds.SmallExpenseMax)), null);
            }

            if (l.Purchase < bounds.PurchaseMin || l.Purchase > bounds.PurchaseMax)
            {
                Fail(VerificationCheck.WithinBounds, ["R40", "R16"],
                    Refusal.Because("R40", "PurchaseOutsideBounds", "The purchase limit P {limit} is outside the county's bounds {min}–{max}.",
                        RefusalArgument.Amount("limit", l.Purchase), RefusalArgument.Amount("min", bounds.PurchaseMin), RefusalArgument.Amount("max", bounds.PurchaseMax)), null);
            }

            // [design] A unit may be stricter than the county (a lower C), never laxer.
            if (l.Collective <= 0m || l.Collective > bounds.CollectiveLimit)
            {
                Fail(VerificationCheck.WithinBounds, ["R40", "R5"],
                    Refusal.Because("R40", "CollectiveOutsideBounds", "The collective limit C {limit} must be positive and at most the county's {max}.",
                        RefusalArgument.Amount("limit", l.Collective), RefusalArgument.Amount("max", bounds.CollectiveLimit)), null);
            }

            if (l.SmallExpense > l.Collective || l.Purchase > l.Collective)
            {
                Fail(VerificationCheck.WithinBounds, ["R40", "R5"],
                    Refusal.Because("R40", "LimitsAboveCollective", "S {s} and P {p} must not exceed C {c}.",
                        RefusalArgument.Amount("s", l.SmallExpense), RefusalArgument.Amount("p", l.Purchase), RefusalArgument.Amount("c", l.Collective)), null);
            }

            foreach (var (name, value) in new[] { ("S", l.SmallExpense), ("P", l.Purchase), ("C", l.Collective) })
            {
                if (decimal.Round(value, 2) != value)
                {
                    Fail(VerificationCheck.WithinBounds, ["R40"], Refusal.Because("R40", "LimitNotWholeFen", "The limit {name} {value} is not a whole number of fen.",
                        ("name", name), ("value", value.ToString(CultureInfo.InvariantCulture))), null);
                }
            }
        }

        /// <summary>R46: every step limit counts at least one day, and turns yellow at a share from 1 to 100 % of it.</summary>
        public void CheckStepLimits()
        {
            var limits = policy.StepLimits ?? StepTimeLimits.Standard;
            var named = limits.ByKind.OrderBy(p => p.Key).Select(p => (Key: JsonNamingPolicy.CamelCase.ConvertName(p.Key.ToString()), Limit: p.Value));
            foreach (var (key, limit) in named.Prepend((PolicyJson.DefaultStepLimit, limits.Default)))
            {
                var part = "$.stepLimits." + key;
                if (limit.Limit.Days < 1)
                {
                    Fail(VerificationCheck.WellFormed, ["R40", "R46"],
                        Refusal.Because("R46", "StepLimitNotPositive", "The step time limit {part} is {days} days; it must be at least one day.",
                            ("part", part), ("days", limit.Limit.Days.ToString(CultureInfo.InvariantCulture))), null, part);
                }

                if (limit.WarningPercent is < 1 or > 100)
                {
                    Fail(VerificationCheck.WellFormed, ["R40", "R46"],
                        Refusal.Because("R46", "StepWarningShare", "The step time limit {part} turns yellow at {percent} % of it; the share must be from 1 to 100 %.",
                            ("part", part), ("percent", limit.WarningPercent.ToString(CultureInfo.InvariantCulture))), null, part);
                }
            }
        }

        public void CheckRules()
        {
            var areas = bounds.RestrictedAreas;
            for (var r = 0; r < policy.Rules.Count; r++)
            {
                var rule = policy.Rules[r];
                var name = Name(rule, r);
                var example = new Counterexample(rule.Area, rule.Kind, 0m, rule.Initiators.Count > 0 ? rule.Initiators[0] : InitiatorKind.Staff, rule.RequiredFlags, name);
                if (!areas.Contains(rule.Area) || !MatterKinds.Exists(rule.Area, rule.Kind))
                {
                    Fail(VerificationCheck.WellFormed, ["R40", "R2"], Refusal.Because("R40", "RuleOutsideAreas", "Rule {rule} covers ({area}, {kind}), which is not a matter of the county's restricted areas.",
                        ("rule", name), ("area", rule.Area.ToString()), ("kind", rule.Kind.ToString())), example);
                    continue;
                }

                var domain = MatterKinds.Initiators(rule.Area, rule.Kind);
                if (rule.Initiators.Count == 0 || rule.Initiators.Any(i => !domain.Contains(i)))
                {
                    Fail(VerificationCheck.WellFormed, ["R40"],
                        Refusal.Because("R40", "RuleInitiators", "Rule {rule} names initiators {initiators}; ({area}, {kind}) may be initiated only by {allowed}.",
                            ("rule", name), ("initiators", string.Join("、", rule.Initiators)), ("area", rule.Area.ToString()), ("kind", rule.Kind.ToString()), ("allowed", string.Join("、", domain))), example);
                    continue;
                }

                var applicable = MatterKinds.ApplicableFlags(rule.Area, rule.Kind);
                if (((rule.RequiredFlags | rule.ExcludedFlags) & ~applicable) != 0 || (rule.RequiredFlags & rule.ExcludedFlags) != 0)
                {
                    Fail(VerificationCheck.WellFormed, ["R40"],
                        Refusal.Because("R40", "RuleFlags", "Rule {rule} requires {required} and excludes {excluded}; only {applicable} applies to {kind}, and a flag cannot be both.",
                            ("rule", name), ("required", rule.RequiredFlags.ToString()), ("excluded", rule.ExcludedFlags.ToString()), ("applicable", applicable.ToString()), ("kind", rule.Kind.ToString())), example);
                    continue;
                }

                if (!CheckBand(rule, name, example))
                {
                    continue;
                }

                if (rule.Route?.Steps is null || rule.Route.Rules is null)
                {
                    Fail(VerificationCheck.WellFormed, ["R40"], Refusal.Because("R40", "RuleNoRoute", "Rule {rule} has no route.", ("rule", name)), example);
                    continue;
                }

                _usable[r] = true;
                var amount = Representative(rule);
                CheckRoute(r, rule, rule.Initiators[0], amount, initiatorSpecific: false);
                foreach (var initiator in rule.Initiators.Distinct())
                {
                    CheckRoute(r, rule, initiator, amount, initiatorSpecific: true);
                }
            }
        }

        public void CheckCoverage()
        {
            var points = new List<decimal>();
            var matching = new List<int>();
            foreach (var area in bounds.RestrictedAreas)
            {
                foreach (var kind in MatterKinds.For(area))
                {
                    foreach (var initiator in MatterKinds.Initiators(area, kind))
                    {
                        foreach (var flags in MatterKinds.FlagCombinations(area, kind))
                        {
                            CheckCombination(area, kind, initiator, flags, points, matching);
                        }
                    }
                }
            }
        }

        private void CheckCombination(Area area, MatterKind kind, InitiatorKind initiator, MatterFlags flags, List<decimal> points, List<int> matching)
        {
            matching.Clear();
            points.Clear();
            for (var r = 0; r < policy.Rules.Count; r++)
            {
                if (_usable[r] && PolicyRouter.Matches(policy.Rules[r], area, kind, initiator, flags))
                {
                    matching.Add(r);
                }
            }

            if (MatterKinds.HasAmount(kind))
            {
                // Bands are cent-aligned intervals (a, b]: membership only changes just after a bound
                // or at it, so checking 0.01, each bound b, b − 0.01, b + 0.01 and a very large
                // amount checks every amount there is.
                // The unit's limits are checked too: SPEC rules apply above C whatever the bands say.
                points.Add(Cent);
                points.Add(VeryLargeAmount);
                AddAround(points, LimitRef.Of(LimitName.SmallExpense));
                AddAround(points, LimitRef.Of(LimitName.Purchase));
                AddAround(points, LimitRef.Of(LimitName.Collective));
                foreach (var r in matching)
                {
                    var band = policy.Rules[r].Amount;
                    AddAround(points, band.Above);
                    AddAround(points, band.UpTo);
                }

                points.Sort();
            }
            else
            {
                points.Add(0m);
            }

            var inGap = false;
            var previous = -1m;
            foreach (var amount in points)
            {
                if (amount == previous)
                {
                    continue;
                }

                previous = amount;
                var count = 0;
                int first = -1, second = -1;
                foreach (var r in matching)
                {
                    if (policy.Rules[r].Amount.Contains(amount, Limits))
                    {
                        count++;
                        if (first < 0)
                        {
                            first = r;
                        }
                        else if (second < 0)
                        {
                            second = r;
                        }
                    }
                }

                if (count == 0)
                {
                    // One failure per gap: its first amount.
                    if (!inGap)
                    {
                        Fail(VerificationCheck.Complete, ["R40", "R5"], Refusal.Because("R40", "PolicyGap", "No rule routes this matter (a gap)."),
                            new Counterexample(area, kind, amount, initiator, flags));
                    }

                    inGap = true;
                    continue;
                }

                inGap = false;
                if (count > 1)
                {
                    if (_reported.Add((first, string.Create(CultureInfo.InvariantCulture, $"overlap:{second}:{area}:{kind}:{initiator}:{flags}"))))
                    {
                        Fail(VerificationCheck.Complete, ["R40", "R5"],
                            Refusal.Because("R40", "PolicyOverlap", "Rules {first} and {second} both route this matter (an overlap): one amount, two routes.",
                                ("first", Name(policy.Rules[first], first)), ("second", Name(policy.Rules[second], second))),
                            new Counterexample(area, kind, amount, initiator, flags, Name(policy.Rules[first], first)));
                    }

                    continue;
                }

                CheckConformance(first, policy.Rules[first].Route.Steps, area, kind, initiator, flags, amount);
            }
        }

        private void AddAround(List<decimal> points, LimitRef? bound)
        {
            if (bound is null || !TryResolve(bound, out var b) || b <= 0m || b >= VeryLargeAmount)
            {
                return;
            }

            points.Add(b);
            points.Add(b + Cent);
            if (b - Cent > 0m)
            {
                points.Add(b - Cent);
            }
        }

        /// <summary>What SPEC requires of particular matters, at a particular amount.</summary>
        private void CheckConformance(int r, IReadOnlyList<RouteStep> steps, Area area, MatterKind kind, InitiatorKind initiator, MatterFlags flags, decimal amount)
        {
            var collective = IndexOf(steps, s => s.Kind == StepKind.CollectiveDecision);
            var handOff = IndexOf(steps, s => s.Kind == StepKind.HandOff);
            var consent = IndexOf(steps, s => s.Kind == StepKind.Consent && s.Actor.Kind == ActorKind.Principal);
            var above = amount > Limits.Collective;
            var rule = policy.Rules[r];

            void Require(bool ok, string code, string[] ids, Refusal reason)
            {
                if (!ok && _reported.Add((r, code)))
                {
                    Fail(VerificationCheck.Conforms, ids, reason, new Counterexample(area, kind, amount, initiator, flags, Name(rule, r)));
                }
            }

            switch (area)
            {
                case Area.Finance:
                    Require(!above || collective >= 0, "R5", ["R40", "R5"], Refusal.Because("R40", "FinanceAboveCollective", "A finance matter above C {c} must reach a collective decision.", RefusalArgument.Amount("c", Limits.Collective)));
                    break;
                case Area.Procurement when (flags & MatterFlags.CatalogueItem) != 0:
                    Require(collective >= 0 && handOff > collective, "R18", ["R40", "R18"],
                        Refusal.Because("R40", "CatalogueItemRoute", "A catalogue item must be decided collectively, then handed off to the procurement centre or a tender."));
                    break;
                case Area.Procurement:
                    Require(!above || consent >= 0 || collective >= 0, "R17", ["R40", "R17"],
                        Refusal.Because("R40", "PurchaseAboveCollective", "A purchase above C {c} needs a principal's consent or a collective decision.", RefusalArgument.Amount("c", Limits.Collective)));
                    break;
                case Area.Personnel:
                    Require(collective >= 0, "R11", ["R40", "R11"], Refusal.Because("R40", "PersonnelCollective", "A personnel matter must be decided by the team collectively."));
                    Require(kind != MatterKind.Promotion || IndexOf(steps, s => s.Kind == StepKind.PublicNotice) > collective, "R12", ["R40", "R12"],
                        Refusal.Because("R40", "PromotionNotice", "A promotion needs a public notice after the collective decision."));
                    break;
                case Area.Construction when kind is MatterKind.ConstructionProject or MatterKind.ContractorChoice:
                    Require(collective >= 0, "R21", ["R40", "R21"], Refusal.Because("R40", "ConstructionCollective", "A construction project or contractor choice must be decided by the team collectively."));
                    Require(handOff >= 0, "R20", ["R40", "R20"], Refusal.Because("R40", "ConstructionTender", "A construction project must be handed off to the district tender office."));
                    Require(IndexOf(steps, s => s.Kind == StepKind.PublicNotice) > Math.Max(handOff, collective), "R22", ["R40", "R22"],
                        Refusal.Because("R40", "TenderPublished", "The tender's method, procedure and result must be published: a public notice after the decision and the hand-off to the tender office."));
                    break;
                case Area.Construction when (flags & MatterFlags.BeyondVariationShare) != 0:
                    Require(collective >= 0, "R19", ["R40", "R19"], Refusal.Because("R40", "VariationBeyondShareCollective", "Variation orders beyond the county's share of the contract must be decided by the team collectively."));
                    break;
                case Area.Construction:
                    Require(!above || collective >= 0, "R5", ["R40", "R5"], Refusal.Because("R40", "VariationAboveCollective", "A variation order above C {c} must reach a collective decision.", RefusalArgument.Amount("c", Limits.Collective)));
                    break;
                case Area.AdministrativeApproval when (flags & MatterFlags.MajorApprovalItem) != 0:
                    Require(consent >= 0 && collective > consent, "R23", ["R40", "R23"],
                        Refusal.Because("R40", "MajorItemRoute", "A major approval item needs a principal's consent, then a collective decision."));
                    break;
                case Area.AdministrativeApproval:
                case Area.LawEnforcement:
                    break;
            }
        }

        /// <summary>The structural safety of one rule's route, for one initiator kind.</summary>
        private void CheckRoute(int r, PolicyRule rule, InitiatorKind initiator, decimal amount, bool initiatorSpecific)
        {
            var steps = rule.Route.Steps;
            var name = Name(rule, r);

            void Unsafe(string code, string[] ids, Refusal reason, int? step)
            {
                if (_reported.Add((r, code)))
                {
                    Fail(VerificationCheck.Safe, ids, reason,
                        new Counterexample(rule.Area, rule.Kind, amount, initiator, rule.RequiredFlags, name, step, step is { } k ? steps[k] : null));
                }
            }

            if (!initiatorSpecific)
            {
                if (steps.Count == 0)
                {
                    Unsafe("empty", ["R40", "R7"], Refusal.Because("R40", "RouteEmpty", "The route is empty: the matter would be approved by nobody."), null);
                    return;
                }

                for (var i = 0; i < steps.Count; i++)
                {
                    if (WellFormedStep(steps, i) is { } problem)
                    {
                        Unsafe($"step{i}", ["R40"], problem, i);
                    }
                }

                if (IndexOf(steps, s => s.Kind is StepKind.Approve or StepKind.CollectiveDecision) < 0)
                {
                    Unsafe("decision", ["R40"], Refusal.Because("R40", "RouteNoDecision", "The route has no deciding step (an approval or a collective decision)."), null);
                }

                var collective = IndexOf(steps, s => s.Kind == StepKind.CollectiveDecision) >= 0;
                var signing = steps.Where(s => IsSigning(s.Kind)).ToList();
                if (!collective && signing.Count > 0 && signing.All(s => CouldBePrincipal(s.Actor)))
                {
                    Unsafe("principals-only", ["R40", "R11"],
                        Refusal.Because("R40", "PrincipalsOnly", "Every step could be taken by a principal and there is no collective decision: principals alone could bring the matter to approved."), 0);
                }

                // Only one person is the deputy in charge: two of their steps need an explicit allowance.
                for (var i = 0; i < steps.Count; i++)
                {
                    for (var j = 0; j < i; j++)
                    {
                        if (steps[i].Actor.Kind == ActorKind.DeputyInCharge && steps[j].Actor.Kind == ActorKind.DeputyInCharge && steps[i].SameActorAs != j)
                        {
                            Unsafe($"twice{i}", ["R40", "R7"],
                                Refusal.Because("R40", "DeputyTwice", "The deputy in charge would act on steps {first} and {second}, and nobody acts on two steps unless the route says so (sameActorAs).",
                                    ("first", (j + 1).ToString(CultureInfo.InvariantCulture)), ("second", (i + 1).ToString(CultureInfo.InvariantCulture))), i);
                        }
                    }
                }

                if (rule.Area == Area.Finance && (steps[0].Kind != StepKind.Review || steps[0].Actor.Kind != ActorKind.Office))
                {
                    Unsafe("office-first", ["R40", "R4", "R6"], Refusal.Because("R40", "OfficeFirst", "A finance route starts with the office's review."), 0);
                }

                return;
            }

            for (var i = 0; i < steps.Count; i++)
            {
                var step = steps[i];
                var principal = CouldBePrincipal(step.Actor);

                // R6: a principal approves only a deputy's own matter; otherwise consents, reviews or is informed.
                if (step.Kind == StepKind.Approve && principal && initiator != InitiatorKind.Deputy)
                {
                    Unsafe($"principal-approves{i}:{initiator}", ["R40", "R6"],
                        Refusal.Because("R40", "PrincipalApproves", "A principal could approve a matter initiated by {initiator}; in a restricted area a principal approves only a deputy's own matter (R6).", ("initiator", initiator.ToString())), i);
                }

                if (initiator == InitiatorKind.Principal && step.Kind == StepKind.Consent && principal)
                {
                    Unsafe($"principal-consent{i}", ["R40", "R6"],
                        Refusal.Because("R40", "PrincipalConsentsOwn", "A principal's own matter relies on a principal's consent (a colleague's approval)."), i);
                }

                if (initiator == InitiatorKind.Deputy && step.Actor.Kind == ActorKind.DeputyInCharge)
                {
                    Unsafe($"deputy-own{i}", ["R40", "R6"],
                        Refusal.Because("R40", "DeputyOwnMatter", "A deputy's own matter has a step for the deputy in charge, who may be that very deputy: nobody acts on their own matter; it goes to a principal after office review (R6)."), i);
                }
            }

            var hasCollective = IndexOf(steps, s => s.Kind == StepKind.CollectiveDecision) >= 0;
            if (rule.Area == Area.Finance && initiator == InitiatorKind.Deputy
                && IndexOf(steps, s => s.Actor.Kind == ActorKind.Principal && s.Kind is StepKind.Approve or StepKind.Review or StepKind.Consent) < 0)
            {
                Unsafe("reach-principal", ["R40", "R6"], Refusal.Because("R40", "DeputyExpenseReachesPrincipal", "A deputy's own expense must reach a principal."), null);
            }

            if (rule.Area == Area.Finance && initiator == InitiatorKind.Principal && !hasCollective
                && IndexOf(steps, s => s.Kind == StepKind.InformTeam) < 0)
            {
                Unsafe("inform-team", ["R40", "R6"], Refusal.Because("R40", "PrincipalExpenseInformsTeam", "A principal's own expense below the collective limit must be reported to the team."), null);
            }
        }

        private static Refusal? WellFormedStep(IReadOnlyList<RouteStep> steps, int i)
        {
            var step = steps[i];
            if (step?.Actor is null)
            {
                return Refusal.Because("R40", "StepNoActor", "The step has no actor.");
            }

            if (!Enum.IsDefined(step.Kind) || !Enum.IsDefined(step.Actor.Kind))
            {
                return Refusal.Because("R40", "StepUnknown", "The step's kind or actor is not recognised.");
            }

            if ((step.Actor.Kind == ActorKind.NamedRole) != (step.Actor.Role is not null))
            {
                return Refusal.Because("R40", "StepNamedRole", "A named-role actor needs a role, and only a named-role actor has one.");
            }

            var collectiveStep = step.Kind is StepKind.CollectiveDecision or StepKind.InformTeam;
            if (collectiveStep != (step.Actor.Kind == ActorKind.Team))
            {
                return Refusal.Because("R40", "StepTeamOnly", "Collective decisions and team information are for the team, and the team acts on nothing else.");
            }

            if ((step.Kind == StepKind.HandOff) != (step.Actor.Kind == ActorKind.External))
            {
                return Refusal.Because("R40", "StepHandOffOnly", "A hand-off goes to the external procurement centre or tender office, which acts on nothing else.");
            }

            if (step.SameActorAs is { } k && (k < 0 || k >= i || steps[k].Actor != step.Actor || !IsIndividual(step.Actor.Kind)))
            {
                return Refusal.Because("R40", "StepSameActor", "sameActorAs must name an earlier step of the same individual actor.");
            }

            return null;
        }

        private bool CheckBand(PolicyRule rule, string name, Counterexample example)
        {
            var band = rule.Amount;
            if (band is null)
            {
                Fail(VerificationCheck.WellFormed, ["R40"], Refusal.Because("R40", "RuleNoBand", "Rule {rule} has no amount band.", ("rule", name)), example);
                return false;
            }

            if (!MatterKinds.HasAmount(rule.Kind) && (band.Above is not null || band.UpTo is not null))
            {
                Fail(VerificationCheck.WithinBounds, ["R40"], Refusal.Because("R40", "RuleBandsNoAmount", "Rule {rule} bands the amount of {kind}, which carries no amount.", ("rule", name), ("kind", rule.Kind.ToString())), example);
                return false;
            }

            foreach (var bound in new[] { band.Above, band.UpTo })
            {
                if (bound is null)
                {
                    continue;
                }

                if (!TryResolve(bound, out var value))
                {
                    Fail(VerificationCheck.WellFormed, ["R40"], Refusal.Because("R40", "RuleBoundUnknown", "Rule {rule} has an amount bound that is neither a limit nor an amount.", ("rule", name)), example);
                    return false;
                }

                if (bound.Name is null && (value <= 0m || decimal.Round(value, 2) != value))
                {
                    Fail(VerificationCheck.WithinBounds, ["R40"],
                        Refusal.Because("R40", "RuleBoundNotFen", "Rule {rule} has the bound {value}: fixed amounts are positive whole fen.", ("rule", name), ("value", value.ToString(CultureInfo.InvariantCulture))), example);
                    return false;
                }
            }

            if (band.Above is not null && band.UpTo is not null && TryResolve(band.Above, out var low) && TryResolve(band.UpTo, out var high) && low >= high)
            {
                Fail(VerificationCheck.WithinBounds, ["R40"],
                    Refusal.Because("R40", "RuleEmptyBand", "Rule {rule} has the empty band above {low} up to {high}.", ("rule", name), RefusalArgument.Amount("low", low), RefusalArgument.Amount("high", high)), example with { Amount = high });
                return false;
            }

            return true;
        }

        private decimal Representative(PolicyRule rule)
        {
            if (!MatterKinds.HasAmount(rule.Kind))
            {
                return 0m;
            }

            if (rule.Amount.Above is { } above && TryResolve(above, out var low))
            {
                return low + Cent;
            }

            return rule.Amount.UpTo is { } upTo && TryResolve(upTo, out var high) ? high : Cent;
        }

        private bool TryResolve(LimitRef bound, out decimal value)
        {
            value = 0m;
            if (bound.Name is { } n)
            {
                if (!Enum.IsDefined(n) || bound.Amount is not null)
                {
                    return false;
                }

                value = bound.Resolve(Limits);
                return true;
            }

            if (bound.Amount is { } a)
            {
                value = a;
                return true;
            }

            return false;
        }

        private void Fail(VerificationCheck check, string[] ids, Refusal message, Counterexample? example, string? part = null) =>
            Failures.Add(new VerificationFailure(check, ids, message.Reason, example) { Message = message, Part = part });
    }

    /// <summary>Steps where one person signs for a judgement (not a meeting, a notice or a hand-off).</summary>
    private static bool IsSigning(StepKind kind) =>
        kind is StepKind.Propose or StepKind.Review or StepKind.Assess or StepKind.Approve or StepKind.Countersign or StepKind.Consent;

    private static bool IsIndividual(ActorKind kind) => kind is not (ActorKind.Team or ActorKind.External);

    private static bool CouldBePrincipal(ActorSpec actor) =>
        actor.Kind is ActorKind.Principal or ActorKind.TeamMember || (actor.Kind == ActorKind.NamedRole && actor.Role == Role.Principal);

    private static int IndexOf(IReadOnlyList<RouteStep> steps, Func<RouteStep, bool> predicate)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (predicate(steps[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Name(PolicyRule rule, int index) => rule.Id ?? string.Create(CultureInfo.InvariantCulture, $"#{index}");
}
