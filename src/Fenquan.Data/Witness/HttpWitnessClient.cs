using System.Text;

namespace Fenquan.Data.Witness;

/// <summary>POSTs to <c>{submission prefix}/add-checkpoint</c> (C2SP tlog-witness).</summary>
public sealed class HttpWitnessClient(HttpClient http, string submissionPrefix) : IWitnessClient
{
    public async Task<WitnessResponse> AddCheckpointAsync(string body, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(body, Encoding.UTF8, "text/plain");
        using var response = await http.PostAsync(new Uri(submissionPrefix.TrimEnd('/') + "/add-checkpoint"), content, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new WitnessResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? string.Empty, text);
    }
}
