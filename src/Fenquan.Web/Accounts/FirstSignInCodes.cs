using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fenquan.Core.Access;
using Fenquan.Core.Primitives;
using Fenquan.Data.Storage;
using Fenquan.Web.Access;
using Fenquan.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Fenquan.Web.Accounts;

/// <summary>One line of the workbook a county administrator hands out: who, where, the sign-in name and the code, shown this once.</summary>
public sealed record IssuedCode(string Name, string Unit, string SignInName, string Code, DateTimeOffset ExpiresAt);

/// <summary>Codes issued: the workbook to download, or the refusal and whether the asker may not issue at all (403).</summary>
public sealed record IssueOutcome(Result<IReadOnlyList<IssuedCode>> Result, bool Forbidden);

/// <summary>
/// Accounts for people who have none (R1): a county administrator issues first-sign-in codes for
/// chosen people, or for everyone of a unit without an account; each is random, shown once in the
/// downloaded workbook, stored only as a salted hash, expires after
/// <see cref="AccountAccess.CodeLifetime"/>, works once, and is replaced by the next issued for the
/// same account. The person signs in with the sign-in name and code and sets their own password
/// there; nobody else ever sees it. Issuing and each first sign-in are ledgered, without the codes.
/// </summary>
public sealed class FirstSignInCodes(UserManager<FenquanUser> users, DbSession session, FenquanStore store, Clock clock)
{
    public const string Sheet = "首次登录码";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // No 0/O, 1/I/L: read aloud or copied by hand from a printout.
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int CodeLength = 12;

    /// <summary>
    /// Issues codes for <paramref name="people"/>, and for everyone who belongs to <paramref name="unit"/>
    /// today, who has no account with a password yet. Another county's person or unit is not found (404).
    /// </summary>
    public async Task<IssueOutcome> IssueAsync(Viewer viewer, IReadOnlyCollection<Guid> people, Guid? unit)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        ArgumentNullException.ThrowIfNull(people);
        if (!AccountAccess.MayIssueCodes(viewer.Asker))
        {
            return new(AccountAccess.AdministratorsOnly, true);
        }

        var db = session.Db;
        var chosen = people.Select(p => new PersonId(p)).ToHashSet();
        if (unit is { } u)
        {
            var id = new UnitId(u);
            if (!await db.Units.AnyAsync(x => x.Id == id && x.CountyId == viewer.County))
            {
                return new(Refusal.NotFound("Unit " + u.ToString("D")), false);
            }

            var today = viewer.Today;
            chosen.UnionWith(await db.Memberships.Where(m => m.CountyId == viewer.County && m.UnitId == id && m.From <= today && (m.Until == null || today < m.Until)).Select(m => m.PersonId).ToListAsync());
        }

        var found = await db.People.Where(p => p.CountyId == viewer.County && chosen.Contains(p.Id)).ToListAsync();
        if (found.Count != chosen.Count)
        {
            return new(Refusal.NotFound("Person " + chosen.First(c => found.All(p => p.Id != c))), false);
        }

        var units = await UnitNamesAsync(viewer.County, viewer.Today);
        var issued = new List<IssuedCode>();
        var now = clock.Now;
        foreach (var person in found.OrderBy(p => units.GetValueOrDefault(p.Id, string.Empty), StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal))
        {
            var account = await users.Users.SingleOrDefaultAsync(a => a.PersonId == person.Id.Value);
            if (account?.PasswordHash is not null)
            {
                continue;
            }

            var isNew = account is null;
            account ??= new FenquanUser { UserName = SignInName(person.Id), CountyId = viewer.County.Value, PersonId = person.Id.Value };
            var code = RandomNumberGenerator.GetString(Alphabet, CodeLength);
            account.FirstSignInCodeHash = Hash(account, code);
            account.FirstSignInCodeExpiresAt = AccountAccess.ExpiresAt(now);
            var saved = isNew ? await users.CreateAsync(account) : await users.UpdateAsync(account);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException("Could not save the account of " + person.Id + ": " + string.Join("; ", saved.Errors.Select(e => e.Description)));
            }

            issued.Add(new IssuedCode(person.Name, units.GetValueOrDefault(person.Id, string.Empty), account.UserName!, Format(code), account.FirstSignInCodeExpiresAt.Value));
        }

        await store.Writer.ExecuteAsync(viewer.County, "account.codes_issued", ctx =>
        {
            foreach (var code in issued)
            {
                ctx.Append("FirstSignInCode", Guid.CreateVersion7(), System.Text.Json.JsonSerializer.Serialize(new { signInName = code.SignInName, expiresAt = code.ExpiresAt, by = viewer.UserName }));
            }

            return Result<int>.Ok(issued.Count);
        });
        return new(Result<IReadOnlyList<IssuedCode>>.Ok(issued), false);
    }

    /// <summary>
    /// A first sign-in: the code must be the account's open one and unexpired; the person's own
    /// password is set (Identity's password rules apply) and the code closed, so it never works again.
    /// A wrong code counts as a failed sign-in towards the account's lockout.
    /// </summary>
    public async Task<Result<FenquanUser>> RedeemAsync(string userName, string code, string password)
    {
        var account = await users.FindByNameAsync(userName.Trim());
        if (account is null || await users.IsLockedOutAsync(account))
        {
            return AccountAccess.CodeNotValid;
        }

        var given = Hash(account, Unformat(code));
        var matches = account.FirstSignInCodeHash is { } stored && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(given));
        var check = AccountAccess.CheckCode(account.FirstSignInCodeHash is not null && account.PasswordHash is null, matches, account.FirstSignInCodeExpiresAt, clock.Now);
        if (!check.IsOk)
        {
            await users.AccessFailedAsync(account);
            return check.Refusal!;
        }

        var set = await users.AddPasswordAsync(account, password);
        if (!set.Succeeded)
        {
            return Refusal.Invalid(string.Join(" ", set.Errors.Select(e => e.Description)));
        }

        account.FirstSignInCodeHash = null;
        account.FirstSignInCodeExpiresAt = null;
        await users.UpdateAsync(account);
        await users.ResetAccessFailedCountAsync(account);
        return Result<FenquanUser>.Ok(account);
    }

    /// <summary>The workbook a county administrator downloads, once: one row per person, Chinese headers.</summary>
    public static byte[] Workbook(IReadOnlyList<IssuedCode> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var rows = codes.Select(c => new Dictionary<string, object>
        {
            ["姓名"] = c.Name,
            ["单位"] = c.Unit,
            ["登录名"] = c.SignInName,
            ["首次登录码"] = c.Code,
            ["有效期至"] = c.ExpiresAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [Sheet] = rows }, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>The county's people without an account they have signed in with, by unit today, for choosing whom to issue codes for.</summary>
    public async Task<IReadOnlyList<(Guid Person, string Name, string Unit, bool CodeOpen)>> WithoutAccountAsync(Viewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var units = await UnitNamesAsync(viewer.County, viewer.Today);
        var people = await session.Db.People.Where(p => p.CountyId == viewer.County).Select(p => new { p.Id, p.Name }).ToListAsync();
        var accounts = await users.Users.Where(a => a.CountyId == viewer.County.Value && a.PersonId != null)
            .Select(a => new { a.PersonId, HasPassword = a.PasswordHash != null, a.FirstSignInCodeExpiresAt }).ToListAsync();
        var byPerson = accounts.GroupBy(a => a.PersonId!.Value).ToDictionary(g => g.Key, g => g.First());
        var now = clock.Now;
        return [.. people
            .Where(p => !byPerson.TryGetValue(p.Id.Value, out var a) || !a.HasPassword)
            .Select(p => (p.Id.Value, p.Name, units.GetValueOrDefault(p.Id, string.Empty), byPerson.TryGetValue(p.Id.Value, out var a) && a.FirstSignInCodeExpiresAt > now))
            .OrderBy(p => p.Item3, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal)];
    }

    private async Task<Dictionary<PersonId, string>> UnitNamesAsync(CountyId county, DateOnly today)
    {
        var rows = await (from m in session.Db.Memberships
                          join u in session.Db.Units on m.UnitId equals u.Id
                          where m.CountyId == county && m.From <= today && (m.Until == null || today < m.Until)
                          select new { m.PersonId, u.Name }).ToListAsync();
        return rows.GroupBy(r => r.PersonId).ToDictionary(g => g.Key, g => g.First().Name);
    }

    // A sign-in name from the person's id (random part): unique, typeable, and no name (同名同姓 is common).
    private static string SignInName(PersonId person) => "p" + person.Value.ToString("N")[^10..];

    private static string Hash(FenquanUser account, string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(account.Id + ":" + code)));

    private static string Format(string code) => code[..4] + "-" + code[4..8] + "-" + code[8..];

    private static string Unformat(string code) => new([.. code.ToUpperInvariant().Where(char.IsLetterOrDigit)]);
}
