using System.ComponentModel;
using System.Net;
using System.Text;
using Fenquan.Core.Ledger;
using Fenquan.Data.Witness;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Fenquan.Cli.Commands;

/// <summary>
/// R44: a witness (C2SP tlog-witness), run by an office other than the server's — the discipline
/// inspection, the audit bureau, the level above — on its own machine, with its own key and record
/// in its own folder. It serves <c>POST {url}add-checkpoint</c> and <c>GET {url}checkpoint?origin=…</c>
/// (the latest checkpoint it cosigned) until stopped.
/// </summary>
public sealed class WitnessCommand(IAnsiConsole console) : AsyncCommand<WitnessCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--dir <DIR>")]
        [Description("The witness's own folder: key (encrypted), logs it witnesses, record, refusals.")]
        public string Dir { get; init; } = "witness";

        [CommandOption("--name <NAME>")]
        [Description("The witness's name, a schema-less URL such as jiwei.example.gov.cn/witness.")]
        public string Name { get; init; } = "fenquan.witness/local";

        [CommandOption("--trust <FILE>")]
        [Description("A trust file from the log (fenquan keys export-trust): witness the logs it lists.")]
        public string? Trust { get; init; }

        [CommandOption("--urls <URL>")]
        [Description("Where to listen (HttpListener prefix, ending in /).")]
        public string Url { get; init; } = "http://127.0.0.1:7380/";

        [CommandOption("--key-passphrase-file <FILE>")]
        [Description("File with the passphrase of the witness's key (default: one generated in --dir).")]
        public string? KeyPassphraseFile { get; init; }

        [CommandOption("--print-key")]
        [Description("Print the witness's verifier key and exit.")]
        public bool PrintKey { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var witness = WitnessService.Open(Path.GetFullPath(settings.Dir), settings.Name, TimeProvider.System, settings.KeyPassphraseFile);
        if (settings.Trust is { } trust)
        {
            witness.TrustLogs(TrustFile.Parse(await File.ReadAllTextAsync(trust, cancellationToken)).Logs);
        }

        if (settings.PrintKey)
        {
            console.Profile.Out.Writer.WriteLine(witness.Key.Vkey());
            return FenquanApp.Ok;
        }

        using var listener = new HttpListener();
        listener.Prefixes.Add(settings.Url);
        listener.Start();
        console.MarkupLineInterpolated($"Witness [bold]{witness.Name}[/] listening on {settings.Url} for {witness.Logs().Logs.Count} log keys.");
        console.MarkupLineInterpolated($"Its key, for the log's witnesses.txt (\"VKEY URL\") and verifiers' trust files: [bold]{witness.Key.Vkey()}[/]");
        using var stop = cancellationToken.Register(listener.Stop);
        while (!cancellationToken.IsCancellationRequested)
        {
            HttpListenerContext request;
            try
            {
                request = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                break;
            }

            await AnswerAsync(witness, request, cancellationToken);
        }

        return FenquanApp.Ok;
    }

    private static async Task AnswerAsync(WitnessService witness, HttpListenerContext context, CancellationToken cancellationToken)
    {
        var path = context.Request.Url?.AbsolutePath ?? string.Empty;
        WitnessResponse answer;
        if (context.Request.HttpMethod == "POST" && path.EndsWith("/add-checkpoint", StringComparison.Ordinal) && context.Request.ContentLength64 is >= 0 and <= 64 * 1024)
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            answer = await witness.AddCheckpointAsync(await reader.ReadToEndAsync(cancellationToken), cancellationToken);
        }
        else if (context.Request.HttpMethod == "GET" && path.EndsWith("/checkpoint", StringComparison.Ordinal) && witness.LatestCheckpoint(context.Request.QueryString["origin"] ?? string.Empty) is { } note)
        {
            answer = new WitnessResponse(200, "text/plain; charset=utf-8", note);
        }
        else
        {
            answer = new WitnessResponse(404, "text/plain; charset=utf-8", "Not found.\n");
        }

        var bytes = Encoding.UTF8.GetBytes(answer.Body);
        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = answer.ContentType;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes, cancellationToken);
        context.Response.Close();
    }
}
