using System.Text.Json;
using Fenquan.Core.Access;
using Fenquan.Core.Ledger;
using Fenquan.Data.Ledger;
using Fenquan.Data.Witness;
using Fenquan.Web.Access;
using Fenquan.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fenquan.Web.Transparency;

/// <summary>A configured witness as the ledger page shows it: its last cosignature and whether it has gone silent.</summary>
public sealed record WitnessStatus(string Name, string Vkey, long? LastSize, DateTimeOffset? LastCosignedAt, bool Silent);

/// <summary>An alarm a witness raised (ledgered): when, which witness, fork or rollback, and the sizes and roots.</summary>
public sealed record WitnessAlarmView(DateTimeOffset At, string Witness, string Kind, long LogSize, string LogRoot, long WitnessSize, string Reason);

/// <summary>What the county's ledger page shows (R44).</summary>
public sealed record LedgerOverview(string? Checkpoint, long? TreeSize, DateTimeOffset? HeadAt, string LogVkey, IReadOnlyList<WitnessStatus> Witnesses, IReadOnlyList<WitnessAlarmView>? Alarms);

/// <summary>The county's ledger page: latest checkpoint with its cosignatures, witnesses, and — for those who must act — alarms.</summary>
public sealed class TransparencyService(DbSession session, Data.Storage.FenquanStore store, WitnessHub hub, IOptions<FenquanOptions> options, TimeProvider time)
{
    public async Task<LedgerOverview> OverviewAsync(Viewer viewer)
    {
        var db = session.Db;
        var head = await TransparencyQueries.LatestHeadAsync(db, viewer.County);
        var note = head is null ? null : await TransparencyQueries.WithCosignaturesAsync(db, viewer.County, head);
        var now = time.GetUtcNow();
        var silentAfter = TimeSpan.FromMinutes(Math.Max(1, options.Value.WitnessSilentMinutes));
        var witnesses = new List<WitnessStatus>();
        foreach (var (key, _) in hub.Witnesses())
        {
            var last = await db.Set<CosignatureRow>().AsNoTracking().Where(c => c.CountyId == viewer.County.Value && c.Witness == key.Name)
                .OrderByDescending(c => c.TreeSize).Select(c => new { c.TreeSize, c.SignedAt }).FirstOrDefaultAsync();
            // Silent: the log moved on and the witness has not cosigned for the set time.
            bool behind = head is not null && (last is null || last.TreeSize < head.TreeSize);
            bool silent = behind && now - (last?.SignedAt ?? head!.At) > silentAfter;
            witnesses.Add(new WitnessStatus(key.Name, key.Vkey(), last?.TreeSize, last?.SignedAt, silent));
        }

        IReadOnlyList<WitnessAlarmView>? alarms = null;
        bool inspection = viewer.Person is { } me && await db.Counties.AnyAsync(c => c.Id == viewer.County && c.DisciplineInspectionId == me);
        if (LedgerAccess.MaySeeWitnessAlarms(viewer.Asker, inspection))
        {
            alarms = [.. (await WitnessPushing.AlarmsAsync(db, viewer.County)).Select(a => Parse(a.At, a.Data))];
        }

        var vkey = new NoteVerifierKey(LogOrigin.Of(viewer.County), NoteKeyType.Ed25519, store.Signer.PublicKey).Vkey();
        return new LedgerOverview(note, head?.TreeSize, head?.At, vkey, witnesses, alarms);
    }

    private static WitnessAlarmView Parse(DateTimeOffset at, string data)
    {
        using var json = JsonDocument.Parse(data);
        var root = json.RootElement;
        return new WitnessAlarmView(at, root.GetProperty("witness").GetString()!, root.GetProperty("kind").GetString()!, root.GetProperty("logSize").GetInt64(),
            root.GetProperty("logRoot").GetString()!, root.GetProperty("witnessSize").GetInt64(), root.GetProperty("reason").GetString()!);
    }
}
