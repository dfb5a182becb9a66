using Fenquan.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Fenquan.Web.Api;

/// <summary>Whom to issue first-sign-in codes for: chosen people, and everyone of a unit today without an account.</summary>
public sealed record IssueCodesInput(IReadOnlyList<Guid>? People, Guid? Unit);

/// <summary>JSON API v1 for accounts of the county's people (county administrators; R1).</summary>
public static class AccountEndpoints
{
    public static void MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.JsonGroup("/api/v1/accounts", "Accounts");

        api.MapPost("/first-sign-in-codes", async (Caller caller, FirstSignInCodes codes, [FromBody] IssueCodesInput input) =>
            {
                var issued = await codes.IssueAsync(caller.Viewer, input.People ?? [], input.Unit);
                return issued.Result.IsOk
                    ? Results.File(FirstSignInCodes.Workbook(issued.Result.Value), FirstSignInCodes.XlsxType, "首次登录码.xlsx")
                    : Problems.Result(issued.Result.Refusal!, issued.Forbidden);
            })
            .WithSummary("Issue first-sign-in codes (county administrator) for people without an account: the .xlsx with each code, shown this once; issuing again replaces a person's open code");
    }
}
