using Fenquan.Core.Access;
using Fenquan.Core.Delegation;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Web.Access;
using Fenquan.Web.Api;
using Fenquan.Web.Hosting;
using Fenquan.Web.Matters;
using DelegationRow = Fenquan.Core.Delegation.Delegation;

namespace Fenquan.Web.Delegations;

/// <summary>Delegation while away (代理) for pages and the API; the core decides who may receive what (R3, R4 …, R7).</summary>
public sealed class DelegationService(DelegationOperations operations, DbSession session, Clock clock)
{
    public async Task<(IReadOnlyList<DelegationRow> Given, IReadOnlyList<DelegationRow> Received)> MineAsync(Viewer viewer)
    {
        if (viewer.Person is not { } me)
        {
            return ([], []);
        }

        var given = await DelegationOperations.GivenByAsync(session.Db, viewer.County, me, clock.Now);
        var received = await DelegationOperations.ActiveForAsync(session.Db, viewer.County, me, clock.Now);
        // Given ones that start later are shown too (GivenBy lists those in force now).
        var later = session.Db.Set<DelegationRow>().Where(d => d.CountyId == viewer.County && d.DelegatorId == me).AsEnumerable()
            .Where(d => d.RevokedAt is null && d.From > clock.Now);
        return (given.Concat(later).OrderBy(d => d.From).ToList(), received);
    }

    public async Task<Result<DelegationRow>> CreateAsync(Viewer viewer, DelegateInput input)
    {
        var member = UnitMembership.Require(viewer.Person, viewer.Unit, UnitAct.Delegate);
        if (!member.IsOk)
        {
            return member.Refusal!;
        }

        var (me, unit) = member.Value;

        if (input.DelegateId is not { } to || to == Guid.Empty)
        {
            return Refusal.Because(Refusal.InvalidId, "DelegateMissing", "delegateId: choose the colleague who acts for you.");
        }

        if (input.Role is not { } role || !Enum.IsDefined(role))
        {
            return Refusal.Because(Refusal.InvalidId, "DelegatedRoleMissing", "role: choose the role whose steps you delegate.");
        }

        if (input.Until is not { } until)
        {
            return Refusal.Because(Refusal.InvalidId, "DelegationUntilMissing", "until: when the delegation ends.");
        }

        var areas = input.Areas ?? [];
        if (areas.Any(a => !Enum.IsDefined(a)))
        {
            return Refusal.Because(Refusal.InvalidId, "DelegationAreaUnknown", "areas: unknown area.");
        }

        var from = input.From ?? clock.Now;
        return await operations.CreateAsync(new CreateDelegation(viewer.County, unit, me, new PersonId(to), role, areas, from, until));
    }

    public async Task<Result<DelegationRow>> RevokeAsync(Viewer viewer, Guid id) =>
        viewer.Person is { } me
            ? await operations.RevokeAsync(viewer.County, new DelegationId(id), me)
            : Refusal.NotFound("Delegation " + id.ToString("D"));

    public static DelegationDto ToDto(Viewer viewer, DelegationRow d) =>
        new(d.Id.Value, d.DelegatorId.Value, MatterService.NameOf(viewer, d.DelegatorId), d.DelegateId.Value, MatterService.NameOf(viewer, d.DelegateId), d.Role, d.Areas, d.From, d.Until, d.RevokedAt);
}
