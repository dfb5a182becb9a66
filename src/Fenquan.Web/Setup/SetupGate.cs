using System.Security.Cryptography;
using Fenquan.Core.Organization;
using Fenquan.Core.Primitives;
using Fenquan.Data.Operations;
using Fenquan.Data.Storage;
using Fenquan.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Web.Setup;

/// <summary>
/// First run without the demo (issue 12): while no county exists, the server prints a one-time setup
/// code on its console, and /setup — with that code — creates the county and its first county
/// administrator. The code is compared in constant time, is good for one setup only, and the page
/// is gone (404) once a county exists. Nobody can reach the setup without the console's code, so a
/// stranger who finds a fresh server first cannot make themselves its administrator.
/// </summary>
public sealed class SetupGate(FenquanStore store, OrganizationOperations organization)
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>The code printed on the console; null when no setup is open.</summary>
    public string? Code { get; private set; }

    public bool IsOpen => Code is not null;

    /// <summary>Opens the setup when the store has no county yet; returns the code to print, or null.</summary>
    public async Task<string?> OpenIfEmptyAsync(CancellationToken cancellationToken)
    {
        await using var db = store.Context();
        if (await db.Counties.AnyAsync(cancellationToken))
        {
            return null;
        }

        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        Code = RandomNumberGenerator.GetString(alphabet, 4) + "-" + RandomNumberGenerator.GetString(alphabet, 4) + "-" + RandomNumberGenerator.GetString(alphabet, 4);
        return Code;
    }

    public sealed record SetupInput(string? Code, string? CountyName, string? UserName, string? Password, string? ConfirmPassword);

    /// <summary>Creates the county and its first county administrator, once; the account is returned to sign in.</summary>
    public async Task<Result<FenquanUser>> CompleteAsync(SetupInput input, UserManager<FenquanUser> users, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(users);
        await _one.WaitAsync(cancellationToken);
        try
        {
            if (Code is not { } code)
            {
                return Refusal.NotFound("The setup");
            }

            var given = (input.Code ?? string.Empty).Trim().ToUpperInvariant();
            if (!CryptographicOperations.FixedTimeEquals(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(given)), SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code))))
            {
                return Refusal.Because(Refusal.InvalidId, "SetupCode", "The setup code is not the one printed on the server's console.");
            }

            var name = (input.CountyName ?? string.Empty).Trim();
            var userName = (input.UserName ?? string.Empty).Trim();
            if (name.Length is 0 or > 100)
            {
                return Refusal.Because(Refusal.InvalidId, "SetupCountyName", "The county needs a name of at most 100 characters.");
            }

            if (userName.Length is < 3 or > 50 || !userName.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                return Refusal.Because(Refusal.InvalidId, "SetupUserName", "The user name has 3 to 50 letters, digits, '.', '-' or '_'.");
            }

            if (input.Password != input.ConfirmPassword)
            {
                return Refusal.Because(Refusal.InvalidId, "PasswordsDiffer", "The two passwords differ.");
            }

            var account = new FenquanUser { UserName = userName, IsCountyAdministrator = true };
            var strong = await Task.WhenAll(users.PasswordValidators.Select(v => v.ValidateAsync(users, account, input.Password ?? string.Empty)));
            if (strong.FirstOrDefault(r => !r.Succeeded) is { } weak)
            {
                return Refusal.Because(Refusal.InvalidId, "PasswordWeak", "The password is too weak: {errors}", ("errors", string.Join(" ", weak.Errors.Select(e => e.Description))));
            }

            var county = await organization.CreateCountyAsync(name, CountyBounds.Default);
            if (!county.IsOk)
            {
                return county.Refusal!;
            }

            account.CountyId = county.Value.Id.Value;
            var created = await users.CreateAsync(account, input.Password!);
            if (!created.Succeeded)
            {
                return Refusal.Because(Refusal.InvalidId, "AdministratorNotMade", "The administrator's account could not be made: {errors}", ("errors", string.Join(" ", created.Errors.Select(e => e.Description))));
            }

            Code = null;
            return Result<FenquanUser>.Ok(account);
        }
        finally
        {
            _one.Release();
        }
    }
}
