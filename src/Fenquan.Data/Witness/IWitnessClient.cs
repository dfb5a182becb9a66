namespace Fenquan.Data.Witness;

/// <summary>How the log reaches a witness's add-checkpoint (over HTTP, or in-process for the demo's witness).</summary>
public interface IWitnessClient
{
    Task<WitnessResponse> AddCheckpointAsync(string body, CancellationToken cancellationToken = default);
}
