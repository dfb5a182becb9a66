using Fenquan.Core.Ledger;

namespace Fenquan.Data.Storage;

/// <summary>A witness the log pushes its checkpoints to (C2SP tlog-witness): its cosignature key and its submission URL prefix.</summary>
public sealed record ConfiguredWitness(NoteVerifierKey Key, string SubmissionPrefix);

/// <summary>
/// The witnesses configured for this server (R44), in <c>witnesses.txt</c> in the key folder: one a
/// line, <c>VKEY URL</c>; <c>#</c> starts a comment.
/// </summary>
public static class WitnessList
{
    public static string FileIn(KeyDirectory keys) => Path.Combine(keys.Root, "witnesses.txt");

    public static IReadOnlyList<ConfiguredWitness> Load(KeyDirectory keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var file = FileIn(keys);
        if (!File.Exists(file))
        {
            return [];
        }

        var witnesses = new List<ConfiguredWitness>();
        foreach (var (line, number) in File.ReadAllLines(file).Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || NoteVerifierKey.Parse(parts[0]) is not { Type: NoteKeyType.Cosignature } key)
            {
                throw new FormatException($"{file} line {number}: expected \"VKEY URL\" with a cosignature verifier key.");
            }

            witnesses.Add(new ConfiguredWitness(key, parts[1].TrimEnd('/')));
        }

        return witnesses;
    }

    /// <summary>Adds a witness, replacing one of the same name.</summary>
    public static void Add(KeyDirectory keys, ConfiguredWitness witness)
    {
        ArgumentNullException.ThrowIfNull(witness);
        var others = Load(keys).Where(w => w.Key.Name != witness.Key.Name);
        File.WriteAllLines(FileIn(keys), [.. others.Append(witness).Select(w => w.Key.Vkey() + " " + w.SubmissionPrefix)]);
    }
}
