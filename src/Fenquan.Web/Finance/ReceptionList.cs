using Fenquan.Core.Finance.Reception;
using Fenquan.Core.Primitives;

namespace Fenquan.Web.Finance;

/// <summary>A reception request as its reception list (接待清单, R31) shows it, on the receptions page and with its claim on the matter's page.</summary>
public sealed record ReceptionList(ReceptionRequest Request, string RequestedBy, string? ApprovedBy, IReadOnlyList<string> Staff)
{
    public static ReceptionList Of(ReceptionRequest request, Func<PersonId, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(nameOf);
        return new(request, nameOf(request.RequestedBy), request.ApprovedBy is { } approver ? nameOf(approver) : null, [.. request.Staff.Select(nameOf)]);
    }
}
