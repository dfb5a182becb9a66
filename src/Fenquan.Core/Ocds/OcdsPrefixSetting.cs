using System.Text.Json;
using Fenquan.Core.CountyChanges;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Ocds;

/// <summary>
/// The county's registered OCDS prefix as a four-eyes county change (R40,
/// <see cref="CountyChanges.CountyChangeSubject.OcdsPrefix"/>): one county administrator proposes it,
/// a different one confirms it, and from then on every ocid of the county starts with it (R22). A
/// malformed prefix is refused before anyone reads it (<see cref="OcdsPrefix.Check"/>). Its payload
/// is <c>{"prefix":"ocds-…"}</c>.
/// </summary>
public sealed record OcdsPrefixSetting
{
    private OcdsPrefixSetting(string prefix) => Prefix = prefix;

    public string Prefix { get; }

    public static Result<OcdsPrefixSetting> Of(string? prefix)
    {
        var trimmed = prefix?.Trim();
        var check = OcdsPrefix.Check(trimmed);
        return check.IsOk ? Result<OcdsPrefixSetting>.Ok(new OcdsPrefixSetting(trimmed!)) : check.Refusal!;
    }

    /// <summary>The payload as proposed and ledgered, checked as <see cref="Of"/>.</summary>
    public static Result<OcdsPrefixSetting> FromJson(string json)
    {
        var payload = RegisterJson.Read<Payload>(json, "OCDS prefix");
        return payload.IsOk ? Of(payload.Value.Prefix) : payload.Refusal!;
    }

    public string ToJson() => JsonSerializer.Serialize(new Payload(Prefix), RegisterJson.Options);

    private sealed record Payload(string Prefix);
}
