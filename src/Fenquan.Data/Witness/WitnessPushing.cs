using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Fenquan.Core.Ledger;
using Fenquan.Core.Primitives;
using Fenquan.Data.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Fenquan.Data.Witness;

/// <summary>What one push to one witness came to.</summary>
public enum PushOutcome
{
    /// <summary>The witness already cosigned the latest checkpoint.</summary>
    Unchanged,

    /// <summary>The witness cosigned the latest checkpoint; its cosignature is stored.</summary>
    Cosigned,

    /// <summary>The witness reported a fork or a rollback: a ledgered alarm was raised.</summary>
    Alarm,

    /// <summary>The witness did not answer as the protocol says (down, misconfigured): it stays silent.</summary>
    NoAnswer,
}

/// <summary>
/// The log's side of C2SP tlog-witness (R44): pushes each county's latest checkpoint to a witness
/// with a consistency proof (from tiles) from the size the witness last cosigned, stores the
/// cosignature it returns, and — when the witness reports that the checkpoint does not extend what
/// it saw (a fork, or a rollback below its size) — appends a loud alarm to the county's ledger.
/// </summary>
public sealed class WitnessPushing(LedgerWriter writer)
{
    /// <summary>Ledger entries of alarms: subject type, with the county's id as subject (found through the subject index).</summary>
    public const string AlarmSubject = "WitnessAlarm";

    public const string AlarmKind = "witness.alarm";

    private readonly ConcurrentDictionary<(Guid County, string Witness), State> _states = new();

    public async Task<PushOutcome> PushAsync(FenquanDbContext db, CountyId county, NoteVerifierKey witness, IWitnessClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(witness);
        ArgumentNullException.ThrowIfNull(client);
        var head = await TransparencyQueries.LatestHeadAsync(db, county, cancellationToken).ConfigureAwait(false);
        if (head?.Checkpoint is null)
        {
            return PushOutcome.Unchanged;
        }

        var state = _states.GetOrAdd((county.Value, witness.Name), _ => new State());
        if (state.PushedSize == head.TreeSize && state.PushedRoot.AsSpan().SequenceEqual(head.RootHash))
        {
            return PushOutcome.Unchanged;
        }

        var body = new Checkpoint(LogOrigin.Of(county), head.TreeSize, head.RootHash).Body();
        long old = state.WitnessSize;
        for (int attempt = 0; attempt < 3; attempt++)
        {
            if (old > head.TreeSize)
            {
                return await AlarmAsync(county, witness, state, head, "rollback", old, $"The witness has cosigned size {old}; the ledger now has {head.TreeSize} entries: history was rolled back.", cancellationToken).ConfigureAwait(false);
            }

            IReadOnlyList<byte[]> proof = old == 0 || old == head.TreeSize
                ? []
                : (await LedgerTiles.TreeAsync(db, county, head.TreeSize, cancellationToken).ConfigureAwait(false)).ConsistencyProof(old);
            WitnessResponse response;
            try
            {
                response = await client.AddCheckpointAsync(new AddCheckpointRequest(old, proof, head.Checkpoint).Format(), cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                return PushOutcome.NoAnswer;
            }

            switch (response.Status)
            {
                case 200:
                    var cosignatures = WitnessProtocol.CosignaturesIn(response.Body, witness, body);
                    if (cosignatures.Count == 0)
                    {
                        return PushOutcome.NoAnswer;
                    }

                    await StoreAsync(db, county, head.TreeSize, witness.Name, cosignatures[0], cancellationToken).ConfigureAwait(false);
                    state.Cosigned(head.TreeSize, head.RootHash);
                    return PushOutcome.Cosigned;
                case 409 when long.TryParse(response.Body.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long latest):
                    if (latest == old)
                    {
                        // The same size as the witness holds, yet refused: another root at that size.
                        return await AlarmAsync(county, witness, state, head, "fork", latest, $"The witness cosigned another root at size {latest}.", cancellationToken).ConfigureAwait(false);
                    }

                    old = latest;
                    state.WitnessSize = latest;
                    continue;
                case 422:
                    return await AlarmAsync(county, witness, state, head, "fork", old, "The witness refused: " + response.Body.Trim(), cancellationToken).ConfigureAwait(false);
                default:
                    return PushOutcome.NoAnswer;
            }
        }

        return PushOutcome.NoAnswer;
    }

    /// <summary>The county's alarms, newest first: when, and what the witness reported.</summary>
    public static async Task<IReadOnlyList<(DateTimeOffset At, string Data)>> AlarmsAsync(FenquanDbContext db, CountyId county, CancellationToken cancellationToken = default)
    {
        var rows = await db.LedgerEntries.AsNoTracking().Where(e => e.CountyId == county.Value && e.SubjectType == AlarmSubject && e.SubjectId == county.Value)
            .OrderByDescending(e => e.Sequence).Take(50).Select(e => e.Bytes).ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(b => LedgerEntry.Parse(b)).Select(e => (e.At, e.Data))];
    }

    private async Task<PushOutcome> AlarmAsync(CountyId county, NoteVerifierKey witness, State state, TreeHeadRow head, string kind, long witnessSize, string reason, CancellationToken cancellationToken)
    {
        // One alarm per witness until it cosigns again: the alarm's own entry makes new heads the witness refuses too.
        state.PushedSize = head.TreeSize;
        state.PushedRoot = head.RootHash;
        if (state.Alarmed)
        {
            return PushOutcome.Alarm;
        }

        var data = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["witness"] = witness.Name,
            ["kind"] = kind,
            ["logSize"] = head.TreeSize,
            ["logRoot"] = Convert.ToBase64String(head.RootHash),
            ["witnessSize"] = witnessSize,
            ["reason"] = reason,
        });
        var written = await writer.ExecuteAsync(county, AlarmKind, ctx =>
        {
            ctx.Append(AlarmSubject, county.Value, data);
            return Result<bool>.Ok(true);
        }, cancellationToken).ConfigureAwait(false);
        state.Alarmed = written.IsOk;
        return PushOutcome.Alarm;
    }

    private static async Task StoreAsync(FenquanDbContext db, CountyId county, long size, string witness, (NoteSignature Signature, long Timestamp) cosignature, CancellationToken cancellationToken)
    {
        var set = db.Set<CosignatureRow>();
        if (await set.AnyAsync(c => c.CountyId == county.Value && c.TreeSize == size && c.Witness == witness, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        set.Add(new CosignatureRow
        {
            CountyId = county.Value,
            TreeSize = size,
            Witness = witness,
            Line = cosignature.Signature.Line(),
            SignedAt = DateTimeOffset.FromUnixTimeSeconds(cosignature.Timestamp),
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed class State
    {
        public long WitnessSize { get; set; }

        public long PushedSize { get; set; } = -1;

        public byte[] PushedRoot { get; set; } = [];

        public bool Alarmed { get; set; }

        public void Cosigned(long size, byte[] root)
        {
            WitnessSize = size;
            PushedSize = size;
            PushedRoot = root;
            Alarmed = false;
        }
    }
}
