using System.Globalization;
using System.Text.Json;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.CountyChanges;

/// <summary>
/// A new name for the county, as a four-eyes county change (R40, <see cref="CountyChangeSubject.Name"/>):
/// one county administrator proposes it, a different one confirms it, the county's discipline
/// inspection is told of both. The name is only shown (pages, the public register); nothing that
/// must stay stable is derived from it: the ledger's origin line, its checkpoints and signed notes
/// name the county by its id (<see cref="Ledger.LogOrigin"/>), so a renamed county's ledger
/// verifies as before. Its payload is <c>{"name":"…"}</c>, the name trimmed.
/// </summary>
public sealed record CountyRename
{
    /// <summary>The longest name a county may have, as the first-run setup allows.</summary>
    public const int MaxLength = 100;

    private CountyRename(string name) => Name = name;

    public string Name { get; }

    /// <summary>The name as given, trimmed; refused when empty, longer than <see cref="MaxLength"/> or holding control characters.</summary>
    public static Result<CountyRename> Of(string? name)
    {
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return Refusal.Because("R40", "CountyNameEmpty", "A county needs a name: the proposed name is empty.");
        }

        if (trimmed.Length > MaxLength)
        {
            return Refusal.Because("R40", "CountyNameTooLong", "A county's name has at most {max} characters; the proposed one has {length}.",
                ("max", MaxLength.ToString(CultureInfo.InvariantCulture)), ("length", trimmed.Length.ToString(CultureInfo.InvariantCulture)));
        }

        if (trimmed.Any(char.IsControl))
        {
            return Refusal.Because("R40", "CountyNameControlCharacters", "A county's name cannot hold control characters (line breaks, tabs, NUL).");
        }

        return Result<CountyRename>.Ok(new CountyRename(trimmed));
    }

    /// <summary>A rename of the county now called <paramref name="current"/>: as <see cref="Of"/>, and refused when it changes nothing.</summary>
    public static Result<CountyRename> From(string current, string? name)
    {
        ArgumentNullException.ThrowIfNull(current);
        var rename = Of(name);
        if (rename.IsOk && string.Equals(rename.Value.Name, current.Trim(), StringComparison.Ordinal))
        {
            return Refusal.Because("R40", "CountyNameUnchanged", "The county is already called {name}: a rename must change the name.", ("name", rename.Value.Name));
        }

        return rename;
    }

    /// <summary>The payload as proposed and ledgered, checked as <see cref="Of"/>.</summary>
    public static Result<CountyRename> FromJson(string json)
    {
        var payload = RegisterJson.Read<Payload>(json, "county name");
        return payload.IsOk ? Of(payload.Value.Name) : payload.Refusal!;
    }

    public string ToJson() => JsonSerializer.Serialize(new Payload(Name), RegisterJson.Options);

    private sealed record Payload(string Name);
}
