using System.Text.RegularExpressions;
using Fenquan.Core.Primitives;

namespace Fenquan.Core.Ocds;

/// <summary>
/// The county's OCDS prefix: "ocds-" and six letters or digits, registered with the Open Contracting
/// Partnership so that its ocids are unique in the world. <see cref="Demo"/> is a placeholder for
/// trying the system out; a county registers its own before publishing.
/// </summary>
public static partial class OcdsPrefix
{
    /// <summary>A placeholder, not registered: replace it with the county's registered prefix.</summary>
    public const string Demo = "ocds-fq0000";

    public static Outcome Check(string? prefix) =>
        prefix is not null && Pattern().IsMatch(prefix)
            ? Outcome.Ok
            : Refusal.Because("R22", "OcdsPrefix", "An OCDS prefix is \"ocds-\" and six lower-case letters or digits, as registered (got {prefix}).", ("prefix", prefix ?? "nothing"));

    /// <summary>The ocid of a process in this county: the prefix, a hyphen and the process's own id.</summary>
    public static string Ocid(string prefix, Guid process) => prefix + "-" + process.ToString("D");

    [GeneratedRegex("^ocds-[a-z0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
