using Fenquan.Core.Finance.Reception;
using Fenquan.Core.Organization;

namespace Fenquan.Core.Access;

/// <summary>
/// Who requests an official reception and who sees the unit's requests and checks their claims (R31):
/// the office (which arranges receptions) and section heads request; the unit's team, office,
/// finance staff and discipline member see every request of the unit, the requester their own;
/// finance staff and the office check a claim against its request; the finance deputy in charge
/// approves a request and a section head claims it. Another unit's request does not exist for anyone.
/// </summary>
public static class ReceptionAccess
{
    public static bool MayRequest(Asker asker)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.Person is not null && asker.Unit is not null && asker.Roles.Any(r => r is Role.OfficeReviewer or Role.SectionHead);
    }

    /// <summary>R31: the refusal for someone who may not request a reception.</summary>
    public static Primitives.Outcome CheckRequester(Asker asker) =>
        MayRequest(asker)
            ? Primitives.Outcome.Ok
            : Primitives.Refusal.Because("R31", "RequesterRole", "An official reception is requested by the unit's office or a section head, with the sending office's letter.");

    /// <summary>R31: the refusal for someone who may see the request but not check its claim.</summary>
    public static Primitives.Outcome CheckClaimChecker(Asker asker, ReceptionRequest request) =>
        MayCheckClaim(asker, request)
            ? Primitives.Outcome.Ok
            : Primitives.Refusal.Because("R31", "ClaimCheckerRole", "A reception claim is checked against its request by the unit's finance staff or office.");

    public static bool MaySeeAll(Asker asker)
    {
        ArgumentNullException.ThrowIfNull(asker);
        return asker.Person is not null && asker.Unit is not null
            && asker.Roles.Any(r => r is Role.Principal or Role.Deputy or Role.OfficeReviewer or Role.FinanceStaff or Role.DisciplineMember);
    }

    public static bool MaySee(Asker asker, ReceptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(request);
        return asker.Unit == request.UnitId && (MaySeeAll(asker) || asker.Person == request.RequestedBy);
    }

    public static bool MayCheckClaim(Asker asker, ReceptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(request);
        return asker.Unit == request.UnitId && asker.Roles.Any(r => r is Role.FinanceStaff or Role.OfficeReviewer);
    }

    /// <summary>R31: the deputy in charge of finance today approves the unit's request, unless they requested it (<see cref="ReceptionRequest.Approve"/> decides again on the writer).</summary>
    public static bool MayApprove(Asker asker, ReceptionRequest request, IOrganizationView org)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(org);
        return asker.Person is { } me && asker.Unit == request.UnitId && !request.IsApproved && me != request.RequestedBy
            && org.DeputyInCharge(request.UnitId, Area.Finance, asker.Today) == me;
    }

    /// <summary>R31: a section head of the unit claims an approved reception not claimed yet (the reception route starts with the office's review, so the office does not claim).</summary>
    public static bool MayClaim(Asker asker, ReceptionRequest request)
    {
        ArgumentNullException.ThrowIfNull(asker);
        ArgumentNullException.ThrowIfNull(request);
        return asker.Person is not null && asker.Unit == request.UnitId && request.IsApproved && request.ClaimId is null && asker.Roles.Contains(Role.SectionHead);
    }
}
