using System.Diagnostics;
using System.Net;
using System.Text;

namespace Fenquan.Web.Tests.Site;

/// <summary>
/// A first start that tells the truth (issue 12): `dotnet run --project src/Fenquan.Web` keeps its data
/// in ./data where the command was typed, git ignores everything it makes there, and the
/// data-protection keys are encrypted at rest in the key folder. And the API's body limit holds for
/// a chunked body that declares no length.
/// </summary>
public sealed class FirstStartTests
{
    [Fact]
    public async Task DotnetRun_KeepsItsDataWhereTheCommandRuns_AndLeavesGitStatusClean()
    {
        var ct = TestContext.Current.CancellationToken;
        var project = Browser.BrowserHost.ProjectFolder();
        var repository = Path.GetFullPath(Path.Combine(project, "..", ".."));
        var folder = Directory.CreateTempSubdirectory("fenquan-first-start-").FullName;
        try
        {
            File.Copy(Path.Combine(repository, ".gitignore"), Path.Combine(folder, ".gitignore"));
            await GitAsync(folder, ct, "init", "-q");
            await GitAsync(folder, ct, "add", ".gitignore");
            await GitAsync(folder, ct, "-c", "user.name=test", "-c", "user.email=test@example.org", "commit", "-qm", "start");

            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
            var start = new ProcessStartInfo("dotnet", ["run", "--no-build", "-c", configuration, "--project", project, "--", "--urls", "http://127.0.0.1:0",
                "--Fenquan:DemoMatters=2", "--Fenquan:DemoOpenTasks=0", "--Fenquan:DemoPassword=" + WebApp.Password, "--Logging:LogLevel:Default=Warning"])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment.Remove("FENQUAN_DATA");
            start.Environment.Remove("FENQUAN_KEYS");
            using var server = Process.Start(start)!;
            var output = new StringBuilder();
            var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            server.OutputDataReceived += (_, e) =>
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }

                if (e.Data?.Contains("is listening on: ", StringComparison.Ordinal) == true)
                {
                    listening.TrySetResult(e.Data[(e.Data.IndexOf("on: ", StringComparison.Ordinal) + 4)..].Trim());
                }
            };
            server.ErrorDataReceived += (_, e) =>
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            };
            server.BeginOutputReadLine();
            server.BeginErrorReadLine();
            try
            {
                var address = await listening.Task.WaitAsync(TimeSpan.FromMinutes(3), ct);
                using var client = new HttpClient { BaseAddress = new Uri(address) };
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/signin", ct)).StatusCode);
            }
            finally
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync(ct);
            }

            string log;
            lock (output)
            {
                log = output.ToString();
            }

            Assert.True(File.Exists(Path.Combine(folder, "data", "fenquan.db")), log);
            Assert.Contains($"Data folder: {Path.Combine(folder, "data")}", log, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted", log, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(string.Empty, (await GitAsync(folder, ct, "status", "--porcelain", "--untracked-files=all")).Trim());

            // The data-protection keys sit with the other keys, encrypted with the passphrase-protected certificate.
            var keys = Path.Combine(folder, "data-keys");
            var protection = Directory.GetFiles(Path.Combine(keys, "data-protection"), "key-*.xml");
            Assert.NotEmpty(protection);
            Assert.All(protection, file => Assert.Contains("EncryptedData", File.ReadAllText(file), StringComparison.Ordinal));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(keys, "data-protection.pfx")));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ChunkedApiBody_OverTheLimit_Is413_AndChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await LiveServer.StartAsync("chunked");
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var client = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri(server.Address) };
        Assert.Equal(HttpStatusCode.Redirect, (await WebApp.SignInAsync(client, "u1.staff1", WebApp.Password)).StatusCode);
        var matters = (await (await client.GetAsync("/api/v1/matters?scope=mine", ct)).ReadAsync()).GetProperty("items").GetArrayLength();

        // A chunked JSON body (no Content-Length, so only the server's own limit can stop it): the
        // server answers 413 once 64 KiB have come, without waiting for the rest of the body.
        var uri = new Uri(server.Address);
        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            await tcp.ConnectAsync(uri.Host, uri.Port, ct);
            var stream = tcp.GetStream();
            var cookies = handler.CookieContainer.GetCookieHeader(uri);
            var head = $"POST /api/v1/matters HTTP/1.1\r\nHost: {uri.Authority}\r\nCookie: {cookies}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
            var chunk = Encoding.UTF8.GetBytes("{\"kind\":\"Expense\",\"amount\":100,\"payMe\":true,\"title\":\"" + new string('长', 100_000));
            await stream.WriteAsync(Encoding.ASCII.GetBytes(chunk.Length.ToString("x", System.Globalization.CultureInfo.InvariantCulture) + "\r\n"), ct);
            await stream.WriteAsync(chunk, ct);
            await stream.WriteAsync("\r\n"u8.ToArray(), ct);
            await stream.FlushAsync(ct);

            var answer = new byte[4096];
            var read = await stream.ReadAsync(answer, ct).AsTask().WaitAsync(TimeSpan.FromSeconds(60), ct);
            var text = Encoding.UTF8.GetString(answer, 0, read);
            Assert.StartsWith("HTTP/1.1 413", text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me", ct)).StatusCode);
        Assert.Equal(matters, (await (await client.GetAsync("/api/v1/matters?scope=mine", ct)).ReadAsync()).GetProperty("items").GetArrayLength());
    }

    private static async Task<string> GitAsync(string folder, CancellationToken ct, params string[] args)
    {
        using var git = Process.Start(new ProcessStartInfo("git", args) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await git.StandardOutput.ReadToEndAsync(ct);
        var error = await git.StandardError.ReadToEndAsync(ct);
        await git.WaitForExitAsync(ct);
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
        return output;
    }
}
