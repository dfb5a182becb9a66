using Fenquan.Core.Ledger;
using Fenquan.Data.Storage;
using Fenquan.Data.Witness;

namespace Fenquan.Web.Transparency;

/// <summary>
/// The witnesses this server pushes to (R44): those in the key folder's witnesses.txt, and — with
/// the demo — one witness run in-process with its own key and record in <c>{keys}/demo-witness</c>,
/// so the path works out of the box. A real deployment lists witnesses run by other offices.
/// </summary>
public sealed class WitnessHub : IDisposable
{
    public const string DemoName = "demo.witness/jiwei";

    /// <summary>The submission "URL" that names the in-process demo witness.</summary>
    public const string InProcess = "inprocess:demo";

    private readonly FenquanStore _store;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public WitnessHub(FenquanStore store, bool demo, TimeProvider time)
    {
        _store = store;
        if (demo)
        {
            Demo = WitnessService.Open(Path.Combine(store.Keys.Root, "demo-witness"), DemoName, time);
            if (!WitnessList.Load(store.Keys).Any(w => w.Key.Name == DemoName))
            {
                WitnessList.Add(store.Keys, new ConfiguredWitness(Demo.Key, InProcess));
            }
        }
    }

    /// <summary>The in-process demo witness, when the demo runs.</summary>
    public WitnessService? Demo { get; }

    public WitnessPushing Pushing => _pushing ??= new WitnessPushing(_store.Writer);

    private WitnessPushing? _pushing;

    /// <summary>The configured witnesses with the client that reaches each.</summary>
    public IReadOnlyList<(NoteVerifierKey Key, IWitnessClient Client)> Witnesses() =>
        [.. WitnessList.Load(_store.Keys)
            .Select(w => (w.Key, w.SubmissionPrefix == InProcess ? (IWitnessClient?)Demo : new HttpWitnessClient(_http, w.SubmissionPrefix)))
            .Where(w => w.Item2 is not null)
            .Select(w => (w.Key, w.Item2!))];

    /// <summary>The demo witness witnesses every county of this server, under the log's current key.</summary>
    public void TrustCounties(IEnumerable<Core.Primitives.CountyId> counties)
    {
        if (Demo is null)
        {
            return;
        }

        var known = Demo.Logs().Logs.Select(l => l.Vkey()).ToHashSet();
        var missing = counties.Select(c => new NoteVerifierKey(LogOrigin.Of(c), NoteKeyType.Ed25519, _store.Signer.PublicKey)).Where(k => !known.Contains(k.Vkey())).ToList();
        if (missing.Count > 0)
        {
            Demo.TrustLogs(missing);
        }
    }

    public void Dispose()
    {
        Demo?.Dispose();
        _http.Dispose();
    }
}
