using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

// Fenquan load tool: drives a real Fenquan.Web server over loopback (127.0.0.1 only).
//
//   dotnet run -c Release --project bench/Fenquan.Load -- --url http://127.0.0.1:5080 --password PW [options]
//   dotnet run -c Release --project bench/Fenquan.Load -- --start --data DIR [--db CONNECTION] [options]
//
// Options: --clients 32  --matters 5000  --unit u1  --seconds 120 (upper bound for the whole run)
//          --warmup 0 (matters submitted and acted on first, not counted)
//          --workbench 200 (GET /Workbench samples)  --acked FILE (acknowledged ids, one a line)
//          --mode bench|crash|workbench|search|home|ledger (ledger: a matter's ledger view with its inclusion proofs, page and API,
//          for the matters listed in --ids FILE, one "label<TAB>id" a line, each label reported apart; home: GET / as principal, discipline member, county administrator; search: filtered searches of the matter list, see Search; crash: run until --seconds, survive server restarts, record every ack;
//          workbench: read-only, against an existing data folder, e.g. one seeded with `fenquan demo --bulk
//          --matters 1000000`: GET /Workbench as several roles and the matters list API, 4 concurrent)
var options = Options.Parse(args);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Process? server = null;
if (options.Start)
{
    server = ServerProcess.Start(options);
}

try
{
    var uri = new Uri(options.Url);
    if (!IPAddress.TryParse(uri.Host, out var address) || !IPAddress.IsLoopback(address))
    {
        Console.Error.WriteLine("Loopback only: --url must be http://127.0.0.1:PORT.");
        return 2;
    }

    await Http.WaitUntilUpAsync(uri, TimeSpan.FromSeconds(options.Seconds));
    using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.Seconds));
    var password = options.Password ?? (options.Data is { } d && File.Exists(Path.Combine(d, "demo-password.txt"))
        ? File.ReadAllText(Path.Combine(d, "demo-password.txt")).Trim()
        : throw new InvalidOperationException("--password or --data with demo-password.txt is needed."));
    using var acked = options.Acked is null ? null : new AckLog(options.Acked);
    var section = await Http.SignInAsync(uri, options.Unit + ".section1", password, options.Clients);
    var office = await Http.SignInAsync(uri, options.Unit + ".office", password, options.Clients);
    var finance = await Http.SignInAsync(uri, options.Unit + ".finance", password, options.Clients);
    Console.WriteLine($"cores={Environment.ProcessorCount} load={Load.Average()} clients={options.Clients} url={uri}");

    if (options.Mode == "followup")
    {
        return await FollowUp.RunAsync(options, uri, server);
    }

    if (options.Mode == "workbench")
    {
        return await Scale.RunAsync(options, uri, password, server);
    }

    if (options.Mode == "search")
    {
        return await Search.RunAsync(options, uri, password, server);
    }

    if (options.Mode == "home")
    {
        return await Home.RunAsync(options, uri, password, server);
    }

    if (options.Mode == "ledger")
    {
        return await LedgerView.RunAsync(options, uri, password, server);
    }

    if (options.Mode == "crash")
    {
        return await Crash.RunAsync(options, uri, password, section, office, finance, acked!, deadline.Token);
    }

    // A warm-up round first (not counted): a server just started spends a third of its CPU for some
    // seconds compiling hot code again at its optimising tier (measured with perf); the figures that
    // matter are those of a server that has been running.
    if (options.Warmup > 0)
    {
        await RoundAsync(options.Warmup, "warm-up, not counted: ");
    }

    await RoundAsync(options.Matters, string.Empty);

    async Task RoundAsync(int count, string label)
    {
        // 1. N pending expenses, submitted by the section head (3,000 yuan: office review → finance deputy approval).
        var submitLatencies = new ConcurrentBag<double>();
        var matters = new ConcurrentQueue<Guid>();
        var failures = 0;
        var submitWatch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = options.Clients, CancellationToken = deadline.Token }, async (i, ct) =>
        {
            var watch = Stopwatch.StartNew();
            using var response = await section.PostAsJsonAsync("/api/v1/matters", Http.Expense(i), ct);
            submitLatencies.Add(watch.Elapsed.TotalMilliseconds);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
                matters.Enqueue(id);
                acked?.Write("matter", id);
            }
            else
            {
                if (Interlocked.Increment(ref failures) <= 3)
                {
                    Console.Error.WriteLine($"submit: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                }
            }
        });
        submitWatch.Stop();
        Report.Print(label + "submit (section head, POST /api/v1/matters)", submitLatencies, submitWatch.Elapsed, failures);

        // 2. Review (office) then approve (finance deputy): two approval actions per matter, 32 clients.
        if (options.Wrk)
        {
            // The same actions driven by wrk (Debian's C load generator), which costs the shared cores far
            // less per request than HttpClient: all reviews, then all approvals, 32 connections each.
            var reviewed = Wrk.Run(uri, matters.ToArray(), Http.CookieHeader(office, uri), "Review", options.Clients);
            var approved = Wrk.Run(uri, matters.ToArray(), Http.CookieHeader(finance, uri), "Approve", options.Clients);
            Wrk.Print(label + "approval actions with wrk (office Review, then finance Approve, POST /api/v1/matters/{id}/actions)", reviewed, approved);
        }
        else
        {
        var actionLatencies = new ConcurrentBag<double>();
        var ids = matters.ToArray();
        failures = 0;
        var next = -1;
        var actWatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Clients).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < ids.Length && !deadline.IsCancellationRequested)
            {
                foreach (var (client, action) in new[] { (office, "Review"), (finance, "Approve") })
                {
                    var watch = Stopwatch.StartNew();
                    using var response = await client.PostAsJsonAsync($"/api/v1/matters/{ids[i]}/actions", new { action, comment = "load" }, deadline.Token);
                    actionLatencies.Add(watch.Elapsed.TotalMilliseconds);
                    if (response.IsSuccessStatusCode)
                    {
                        acked?.Write("action", (await response.Content.ReadFromJsonAsync<JsonElement>(deadline.Token)).GetProperty("id").GetGuid());
                    }
                    else
                    {
                        if (Interlocked.Increment(ref failures) <= 3)
                        {
                            Console.Error.WriteLine($"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(deadline.Token)}");
                        }

                        break;
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        actWatch.Stop();
        Report.Print(label + "approval actions (office Review + finance Approve, POST /api/v1/matters/{id}/actions)", actionLatencies, actWatch.Elapsed, failures);
        }
    }

    // 3. The workbench page as the office reviewer (server-rendered, all of the unit's matters it may see).
    if (options.Workbench > 0)
    {
        var pageLatencies = new ConcurrentBag<double>();
        var failures = 0;
        var pageWatch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, options.Workbench, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (n, ct) =>
        {
            var watch = Stopwatch.StartNew();
            using var response = await office.GetAsync("/Workbench", ct);
            var body = await response.Content.ReadAsByteArrayAsync(ct);
            pageLatencies.Add(watch.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });
        Report.Print("GET /Workbench (office reviewer, 4 concurrent)", pageLatencies, pageWatch.Elapsed, failures);
    }

    Console.WriteLine($"load after: {Load.Average()}");
    return 0;
}
finally
{
    if (server is not null)
    {
        ServerProcess.Stop(server);
    }
}

internal sealed record Options(string Url, bool Start, string? Data, string? Db, string? Password, int Clients, int Matters, string Unit, int Seconds, int Workbench, string? Acked, string Mode, int Port, bool Wrk, int Warmup, string? Ids)
{
    public static Options Parse(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        string? Maybe(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var port = int.Parse(Get("--port", "5080"), CultureInfo.InvariantCulture);
        return new Options(
            Get("--url", $"http://127.0.0.1:{port}"),
            args.Contains("--start"),
            Maybe("--data"),
            Maybe("--db"),
            Maybe("--password"),
            int.Parse(Get("--clients", "32"), CultureInfo.InvariantCulture),
            int.Parse(Get("--matters", "5000"), CultureInfo.InvariantCulture),
            Get("--unit", "u1"),
            int.Parse(Get("--seconds", "120"), CultureInfo.InvariantCulture),
            int.Parse(Get("--workbench", "200"), CultureInfo.InvariantCulture),
            Maybe("--acked"),
            Get("--mode", "bench"),
            port,
            args.Contains("--wrk"),
            int.Parse(Get("--warmup", "0"), CultureInfo.InvariantCulture),
            Maybe("--ids"));
    }
}

internal static class ServerProcess
{
    /// <summary>Starts the built server (Release) on loopback with a raised sign-in limit.</summary>
    public static Process Start(Options options)
    {
        var root = FindRoot();
        var data = options.Data ?? throw new InvalidOperationException("--start needs --data DIR.");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, UseShellExecute = false };
        foreach (var a in new[] { "run", "-c", "Release", "--no-build", "--project", "src/Fenquan.Web", "--", "--data", data, "--urls", options.Url, "--Fenquan:SignInPermitsPerAddress=1000000", "--Fenquan:IntakePermitsPerMinute=1000000" })
        {
            info.ArgumentList.Add(a);
        }

        if (options.Db is { } db)
        {
            info.ArgumentList.Add("--db");
            info.ArgumentList.Add(db);
        }

        info.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(info) ?? throw new InvalidOperationException("Could not start the server.");
    }

    public static void Stop(Process server)
    {
        server.Kill(entireProcessTree: true);
        server.WaitForExit();
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fenquan.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}

internal static partial class Http
{
    public static object Expense(int i) => new { kind = "Expense", title = $"负载测试报销 {i}", amount = 3000.00m, payeeName = "清河县文具办公用品商店", payMe = false };

    public static async Task WaitUntilUpAsync(Uri uri, TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await client.GetAsync("/account/signin");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"{uri} did not come up within {limit}.");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Signs in through the sign-in form (antiforgery token, cookie) and returns a client holding the session.</summary>
    public static async Task<HttpClient> SignInAsync(Uri uri, string userName, string password, int connections)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = connections, AllowAutoRedirect = false, UseProxy = false };
        var client = new HttpClient(handler) { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(30) };
        Cookies.Add(client, handler.CookieContainer);
        var form = await client.GetStringAsync("/account/signin");
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync("/account/signin", content);
        if (response.StatusCode != HttpStatusCode.Redirect && response.StatusCode != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>The Cookie header a signed-in client sends (for wrk).</summary>
    public static string CookieHeader(HttpClient client, Uri uri) => Cookies.TryGetValue(client, out var jar) ? jar.GetCookieHeader(uri) : string.Empty;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, CookieContainer> Cookies = [];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

internal sealed class AckLog : IDisposable
{
    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();

    public AckLog(string path) => _writer = new StreamWriter(path, append: true) { AutoFlush = true };

    /// <summary>One line per acknowledged id, flushed at once: a crash of this tool loses nothing it heard.</summary>
    public void Write(string kind, Guid id)
    {
        lock (_lock)
        {
            _writer.WriteLine($"{kind} {id}");
        }
    }

    public void Dispose() => _writer.Dispose();
}

internal static class Report
{
    public static void Print(string what, IEnumerable<double> latencies, TimeSpan elapsed, int failures)
    {
        var sorted = latencies.Order().ToArray();
        if (sorted.Length == 0)
        {
            Console.WriteLine($"{what}: no requests");
            return;
        }

        double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        Console.WriteLine($"{what}: {sorted.Length} requests in {elapsed.TotalSeconds:F2} s = {sorted.Length / elapsed.TotalSeconds:F0}/s; p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, max {sorted[^1]:F1} ms; failures {failures}");
    }
}

/// <summary>
/// Runs Debian's wrk (one thread, <c>clients</c> connections) over a list of matters, one action per
/// matter: a Lua script hands each connection the next matter id, going through the list again (the
/// repeats are refused: the step is done) until every matter has its 200. A matter without its 200
/// after the list was offered three times is a failure. (wrk can ask the script for a request it then
/// does not send, so a single round could skip an id; stopping after one round counted it as failed.)
/// </summary>
internal static class Wrk
{
    public sealed record Phase(string Action, int Matters, long Requests, long Ok, double Seconds, double P50, double P90, double P99, double Max);

    public static Phase Run(Uri uri, Guid[] ids, string cookie, string action, int clients)
    {
        var script = Path.Combine(Path.GetTempPath(), $"fenquan-wrk-{Guid.NewGuid():N}.lua");
        var list = string.Join(",", ids.Select(id => "\"" + id.ToString("D") + "\""));
        File.WriteAllText(script, $$"""
            local ids = { {{list}} }
            local sent, answered = 0, 0
            wrk.method = "POST"
            wrk.headers["Content-Type"] = "application/json"
            wrk.headers["Cookie"] = "{{cookie}}"
            wrk.body = '{"action":"{{action}}","comment":"load"}'
            request = function()
              sent = sent + 1
              return wrk.format(nil, "/api/v1/matters/" .. ids[((sent - 1) % #ids) + 1] .. "/actions")
            end
            local shown, ok = 0, 0
            response = function(status, headers, body)
              answered = answered + 1
              if status == 200 then
                ok = ok + 1
              elseif sent <= #ids and shown < 3 then
                -- (Refusals of repeats are expected; only those in the first round are shown.)
                shown = shown + 1
                io.write("FAILED " .. status .. " " .. string.sub(body or "", 1, 300) .. "\n")
              end
              -- Every matter acted on. wrk may ask for a request it then does not send (so an id can be
              -- skipped in a round): the list is gone through again, the repeats of matters already
              -- acted on are refused, until each has its 200 or the list has been offered three times.
              if ok == #ids or answered >= 3 * #ids + {{clients}} then
                io.write("DONE " .. ok .. "\n")
                io.flush()
                wrk.thread:stop()
              end
            end
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("WRK %d %d %d %.3f %.3f %.3f %.3f\n", summary.requests, summary.duration,
                e.connect + e.read + e.write + e.status + e.timeout, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
            end
            """);
        try
        {
            var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-t1", $"-c{clients}", "-d600s", "--timeout", "30s", "-s", script, uri.ToString().TrimEnd('/') })
            {
                info.ArgumentList.Add(a);
            }

            using var wrk = Process.Start(info) ?? throw new InvalidOperationException("wrk did not start (apt install wrk).");
            var output = new System.Text.StringBuilder();
            while (wrk.StandardOutput.ReadLine() is { } read)
            {
                output.AppendLine(read);
                if (read.StartsWith("FAILED ", StringComparison.Ordinal))
                {
                    Console.Error.WriteLine($"{action}: {read}");
                }

                if (read.StartsWith("DONE ", StringComparison.Ordinal))
                {
                    // wrk's main thread sleeps out -d even when its threads have stopped; SIGINT ends
                    // that sleep, and wrk then prints its figures.
                    // (wrk may have ended by itself already: kill's complaint is not shown.)
                    var kill = new ProcessStartInfo("kill", ["-INT", wrk.Id.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardError = true };
                    using var interrupt = Process.Start(kill);
                    interrupt?.WaitForExit();
                }
            }

            wrk.WaitForExit();
            var acknowledged = long.Parse(output.ToString().Split('\n').First(l => l.StartsWith("DONE ", StringComparison.Ordinal))[5..], CultureInfo.InvariantCulture);
            var line = output.ToString().Split('\n').FirstOrDefault(l => l.StartsWith("WRK ", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"wrk gave no figures: {output} {wrk.StandardError.ReadToEnd()}");
            var f = line.Split(' ');
            double D(int i) => double.Parse(f[i], CultureInfo.InvariantCulture);
            var requests = long.Parse(f[1], CultureInfo.InvariantCulture);
            return new Phase(action, ids.Length, requests, acknowledged, D(2) / 1e6, D(4), D(5), D(6), D(7));
        }
        finally
        {
            File.Delete(script);
        }
    }

    public static void Print(string what, Phase first, Phase second)
    {
        foreach (var p in new[] { first, second })
        {
            Console.WriteLine($"  {p.Action}: {p.Requests} requests ({p.Matters} matters) in {p.Seconds:F2} s = {p.Ok / p.Seconds:F0} acknowledged/s; p50 {p.P50:F1} ms, p90 {p.P90:F1} ms, p99 {p.P99:F1} ms, max {p.Max:F1} ms; {p.Ok} acknowledged (200), {p.Matters - p.Ok} matters not acted on; {p.Requests - p.Ok} refused or unanswered (repeats past the end of the list)");
        }

        var seconds = first.Seconds + second.Seconds;
        Console.WriteLine($"{what}: {first.Ok + second.Ok} acknowledged in {seconds:F2} s = {(first.Ok + second.Ok) / seconds:F0}/s; p99 {Math.Max(first.P99, second.P99):F1} ms (the worse phase); failures {first.Matters - first.Ok + second.Matters - second.Ok}");
    }
}

internal static class Load
{
    public static string Average() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}

/// <summary>
/// Crash mode: clients submit, review and approve until the deadline, riding through server kills
/// (a refused connection or a reset is retried after a pause; a 401 after restart signs in again).
/// Every acknowledged matter and action id goes to the ack file the moment the client hears OK.
/// </summary>
internal static class Crash
{
    public static async Task<int> RunAsync(Options options, Uri uri, string password, HttpClient section, HttpClient office, HttpClient finance, AckLog acked, CancellationToken deadline)
    {
        var clients = new[] { section, office, finance };
        var names = new[] { ".section1", ".office", ".finance" };
        long ok = 0, errors = 0;
        async Task<HttpResponseMessage?> Send(int who, Func<HttpClient, Task<HttpResponseMessage>> send)
        {
            try
            {
                var response = await send(clients[who]);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    response.Dispose();
                    clients[who] = await Http.SignInAsync(uri, options.Unit + names[who], password, options.Clients);
                    return null;
                }

                return response;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
            {
                Interlocked.Increment(ref errors);
                if (!deadline.IsCancellationRequested)
                {
                    await Task.Delay(100, CancellationToken.None);
                }

                return null;
            }
        }

        var workers = Enumerable.Range(0, options.Clients).Select(w => Task.Run(async () =>
        {
            var n = 0;
            while (!deadline.IsCancellationRequested)
            {
                using var submitted = await Send(0, c => c.PostAsJsonAsync("/api/v1/matters", Http.Expense((w * 1_000_000) + n++), deadline));
                if (submitted?.StatusCode != HttpStatusCode.Created)
                {
                    continue;
                }

                var matter = (await submitted.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("id").GetGuid();
                acked.Write("matter", matter);
                Interlocked.Increment(ref ok);
                foreach (var (who, action) in new[] { (1, "Review"), (2, "Approve") })
                {
                    // Retried until acknowledged or refused: after a crash the first try may have committed.
                    for (var attempt = 0; attempt < 50 && !deadline.IsCancellationRequested; attempt++)
                    {
                        using var response = await Send(who, c => c.PostAsJsonAsync($"/api/v1/matters/{matter}/actions", new { action, comment = "crash" }, deadline));
                        if (response is null)
                        {
                            continue;
                        }

                        if (response.IsSuccessStatusCode)
                        {
                            acked.Write("action", (await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("id").GetGuid());
                            Interlocked.Increment(ref ok);
                        }

                        break;
                    }
                }
            }
        })).ToArray();
        try
        {
            await Task.WhenAll(workers);
        }
        catch (OperationCanceledException)
        {
        }

        Console.WriteLine($"crash load: {ok} acknowledged (matters + actions), {errors} transport errors");
        return 0;
    }
}

/// <summary>
/// Workbench mode: read-only figures against an existing (large) data folder. For each role the
/// workbench page is fetched --workbench times by 4 concurrent clients after a short warm-up; then
/// the matters list API, first pages and pages deep down the cursor chain.
/// </summary>
internal static class Scale
{
    private static readonly (string User, string Role)[] Roles =
    [
        ("office", "office reviewer"),
        ("finance", "finance deputy"),
        ("principal1", "principal"),
        ("staff1", "section clerk (staff)"),
        ("section1", "section head"),
    ];

    public static async Task<int> RunAsync(Options options, Uri uri, string password, Process? server)
    {
        const int Concurrency = 4;
        Console.WriteLine("(server CPU: milliseconds of CPU the server process tree used per request, less sensitive to other load than latency)");
        var failures = 0;
        foreach (var (user, role) in Roles)
        {
            var client = await Http.SignInAsync(uri, options.Unit + "." + user, password, Concurrency);
            var (tasks, rows, bytes) = await DescribeAsync(client);
            for (var i = 0; i < 10; i++)
            {
                using var warm = await client.GetAsync("/Workbench");
                failures += warm.IsSuccessStatusCode ? 0 : 1;
            }

            var (latencies, elapsed, roleFailures, cpuPerRequest) = await SampleAsync(client, "/Workbench", options.Workbench, Concurrency, server);
            Report.Print($"GET /Workbench as {options.Unit}.{user} ({role}; {tasks} tasks, {rows} rows, {bytes / 1024} KB), {Concurrency} concurrent, server CPU {cpuPerRequest:F1} ms/request", latencies, elapsed, roleFailures);
            failures += roleFailures;
        }

        // The matters list API as the office reviewer: the first page, and pages followed down the cursor chain.
        var office = await Http.SignInAsync(uri, options.Unit + ".office", password, Concurrency);
        foreach (var (what, scope) in new[] { ("unit", "unit"), ("mine (section head)", "mine") })
        {
            var client = scope == "mine" ? await Http.SignInAsync(uri, options.Unit + ".section1", password, Concurrency) : office;
            var first = new ConcurrentBag<double>();
            var deep = new ConcurrentBag<double>();
            var listFailures = 0;
            var cpu = ServerCpu.Milliseconds(server);
            var watch = Stopwatch.StartNew();
            await Parallel.ForAsync(0, Concurrency, async (worker, ct) =>
            {
                for (var round = 0; round < options.Workbench / Concurrency / 10 + 1; round++)
                {
                    string? cursor = null;
                    for (var page = 0; page < 10; page++)
                    {
                        var started = Stopwatch.GetTimestamp();
                        using var response = await client.GetAsync($"/api/v1/matters?scope={scope}&limit=50" + (cursor is null ? "" : "&cursor=" + cursor), ct);
                        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                        (page == 0 ? first : deep).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                        if (!response.IsSuccessStatusCode)
                        {
                            Interlocked.Increment(ref listFailures);
                            break;
                        }

                        cursor = body.GetProperty("nextCursor").GetString();
                        if (cursor is null)
                        {
                            break;
                        }
                    }
                }
            });
            var cpuPerRequest = (ServerCpu.Milliseconds(server) - cpu) / Math.Max(1, first.Count + deep.Count);
            Report.Print($"GET /api/v1/matters?scope={what}&limit=50, first page, {Concurrency} concurrent (server CPU {cpuPerRequest:F1} ms/request over all pages)", first, watch.Elapsed, listFailures);
            Report.Print($"GET /api/v1/matters?scope={what}&limit=50&cursor=…, pages 2–10, {Concurrency} concurrent", deep, watch.Elapsed, 0);
            failures += listFailures;
        }

        Console.WriteLine($"load after: {Load.Average()}");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>GET <paramref name="url"/> <paramref name="samples"/> times, <paramref name="concurrency"/> at a time: latencies, wall time, failures and the server's CPU per request.</summary>
    public static async Task<(ConcurrentBag<double> Latencies, TimeSpan Elapsed, int Failures, double CpuPerRequest)> SampleAsync(HttpClient client, string url, int samples, int concurrency, Process? server)
    {
        var latencies = new ConcurrentBag<double>();
        var failures = 0;
        var cpu = ServerCpu.Milliseconds(server);
        var watch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, samples, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, ct) =>
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(url, ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failures);
            }
        });
        return (latencies, watch.Elapsed, failures, (ServerCpu.Milliseconds(server) - cpu) / Math.Max(1, samples));
    }

    /// <summary>How much the role's workbench shows (tasks, table rows, page size), for the report.</summary>
    private static async Task<(string Tasks, int Rows, int Bytes)> DescribeAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/Workbench");
        var tasks = Regex.Match(html, @"data-testid=""tasks-count"">(\d+)<").Groups[1].Value;
        return (tasks.Length > 0 ? tasks : "?", Regex.Count(html, "<tr>"), System.Text.Encoding.UTF8.GetByteCount(html));
    }
}

/// <summary>
/// Search mode (issue 14, lists at scale): filtered searches of the unit's matters against an
/// existing (large) data folder, each request --workbench times by 4 concurrent clients after a
/// warm-up, as a principal (the whole unit) and as a clerk (only matters with a part in them): a
/// two-character word, a longer word, a word found nowhere (every matter of the unit is read),
/// filters without words, and the list page itself (HTML, count and first page).
/// </summary>
internal static class Search
{
    private static readonly string[] Queries =
    [
        "q=" + Uri.EscapeDataString("空调"),
        "q=" + Uri.EscapeDataString("差旅") + "&state=Approved",
        "q=" + Uri.EscapeDataString("办公电脑"),
        "q=" + Uri.EscapeDataString("无此词语"),
        "area=Finance&min=1000&max=5000&sort=amount-desc",
        "q=" + Uri.EscapeDataString("维修") + "&from=2025-01-01&to=2025-12-31",
    ];

    public static async Task<int> RunAsync(Options options, Uri uri, string password, Process? server)
    {
        const int Concurrency = 4;
        var failures = 0;
        foreach (var user in new[] { "principal1", "staff1" })
        {
            var client = await Http.SignInAsync(uri, options.Unit + "." + user, password, Concurrency);
            foreach (var url in Queries.Select(q => "/api/v1/matters?size=30&" + q).Append("/matters?" + Queries[0] + "&area=Procurement"))
            {
                using (var warm = await client.GetAsync(url))
                {
                    var total = url.StartsWith("/api", StringComparison.Ordinal) && warm.IsSuccessStatusCode
                        ? (await warm.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32().ToString(CultureInfo.InvariantCulture)
                        : "page";
                    Console.Write($"{total} found; ");
                    failures += warm.IsSuccessStatusCode ? 0 : 1;
                }

                var (latencies, elapsed, urlFailures, cpuPerRequest) = await Scale.SampleAsync(client, url, options.Workbench, Concurrency, server);
                Report.Print($"GET {Uri.UnescapeDataString(url)} as {options.Unit}.{user}, {Concurrency} concurrent, server CPU {cpuPerRequest:F1} ms/request", latencies, elapsed, urlFailures);
                failures += urlFailures;
            }
        }

        Console.WriteLine($"load after: {Load.Average()}");
        return failures == 0 ? 0 : 1;
    }
}

/// <summary>
/// Home mode (issue 14): the landing page after sign-in, <c>GET /</c>, as the unit's principal, its
/// discipline member and the county administrator, against an existing (large) data folder, with the
/// principal's workbench beside it for comparison; each sampled --workbench times, 4 concurrent.
/// </summary>
internal static class Home
{
    public static async Task<int> RunAsync(Options options, Uri uri, string password, Process? server)
    {
        const int Concurrency = 4;
        var failures = 0;
        foreach (var (user, url) in new[] { (options.Unit + ".principal1", "/"), (options.Unit + ".principal1", "/Workbench"), (options.Unit + ".discipline", "/"), ("admin", "/") })
        {
            var client = await Http.SignInAsync(uri, user, password, Concurrency);
            for (var i = 0; i < 3; i++)
            {
                using var warm = await client.GetAsync(url);
                failures += warm.IsSuccessStatusCode ? 0 : 1;
            }

            var (latencies, elapsed, urlFailures, cpuPerRequest) = await Scale.SampleAsync(client, url, options.Workbench, Concurrency, server);
            Report.Print($"GET {url} as {user}, {Concurrency} concurrent, server CPU {cpuPerRequest:F1} ms/request", latencies, elapsed, urlFailures);
            failures += urlFailures;
        }

        Console.WriteLine($"load after: {Load.Average()}");
        return failures == 0 ? 0 : 1;
    }
}

/// <summary>
/// Ledger mode (issue 13): a matter's ledger view — its entries, each with an inclusion proof read
/// from the tiles — as the unit's principal, the page and the API, for the matters listed in --ids
/// (picked at random by run-load.sh), each label's matters in turn, --workbench requests per view
/// and label, 4 concurrent, after a warm-up on other matters of the list.
/// </summary>
internal static class LedgerView
{
    public static async Task<int> RunAsync(Options options, Uri uri, string password, Process? server)
    {
        const int Concurrency = 4;
        var lists = File.ReadLines(options.Ids ?? throw new InvalidOperationException("--mode ledger needs --ids FILE."))
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], parts => Guid.Parse(parts[1]))
            .ToList();
        var client = await Http.SignInAsync(uri, options.Unit + ".principal1", password, Concurrency);
        var failures = 0;
        foreach (var list in lists)
        {
            var ids = list.ToArray();
            foreach (var (what, url) in new (string, Func<Guid, string>)[] { ("page", id => $"/matters/{id}/ledger"), ("API", id => $"/api/v1/ledger/matters/{id}") })
            {
                foreach (var id in ids.Take(5))
                {
                    using var warm = await client.GetAsync(url(id));
                    failures += warm.IsSuccessStatusCode ? 0 : 1;
                }

                var entries = 0L;
                var latencies = new ConcurrentBag<double>();
                var urlFailures = 0;
                var cpu = ServerCpu.Milliseconds(server);
                var watch = Stopwatch.StartNew();
                await Parallel.ForAsync(0, options.Workbench, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, ct) =>
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.GetAsync(url(ids[i % ids.Length]), ct);
                    var body = await response.Content.ReadAsStringAsync(ct);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Add(ref entries, Regex.Count(body, "\"leafHash\"|data-testid=\"ledger-entry\""));
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref urlFailures);
                    }
                });
                var cpuPerRequest = (ServerCpu.Milliseconds(server) - cpu) / Math.Max(1, options.Workbench);
                Report.Print($"GET {what} of the ledger view, {list.Key} ({ids.Length} matters of {options.Unit}, {(what == "API" ? $"{(double)entries / options.Workbench:F1} entries a matter" : "HTML")}), {Concurrency} concurrent, server CPU {cpuPerRequest:F1} ms/request", latencies, watch.Elapsed, urlFailures);
                failures += urlFailures;
            }
        }

        Console.WriteLine($"load after: {Load.Average()}");
        return failures == 0 ? 0 : 1;
    }
}

/// <summary>
/// The public follow-up page (issue 17): <c>--clients</c> citizens (default 100 with run-load.sh), each
/// with its own connection and antiforgery cookie, POST /public/follow-up with the receipt number and
/// code of one of 100 applications made first through the public apply form; a warm-up round of
/// <c>--warmup</c> requests, then <c>--matters</c> requests measured.
/// </summary>
internal static partial class FollowUp
{
    public static async Task<int> RunAsync(Options options, Uri uri, Process? server)
    {
        using var setup = Citizen(uri);
        var home = await setup.GetStringAsync("/public");
        var county = CountyPattern().Match(home).Groups[1].Value;
        var applications = new List<(string Receipt, string Code)>();
        for (var i = 0; i < 100; i++)
        {
            var form = await setup.GetStringAsync($"/public/{county}/items/QH-XK-00{1 + (i % 9)}/apply");
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Kind"] = "Person",
                ["Name"] = "负载测试申请人" + i.ToString(CultureInfo.InvariantCulture),
                ["Number"] = "11010519491231002X",
                ["Documents"] = "申请书",
                ["__RequestVerificationToken"] = Token(form),
            });
            using var response = await setup.PostAsync($"/public/{county}/items/QH-XK-00{1 + (i % 9)}/apply", content);
            var html = await response.Content.ReadAsStringAsync();
            applications.Add((Field(html, "receipt-number"), Field(html, "follow-up-code")));
        }

        var citizens = new (HttpClient Client, string Token)[options.Clients];
        for (var c = 0; c < citizens.Length; c++)
        {
            var client = Citizen(uri);
            citizens[c] = (client, Token(await client.GetStringAsync("/public/follow-up")));
        }

        async Task<(List<double> Latencies, int Failures, TimeSpan Elapsed)> RoundAsync(int requests)
        {
            var latencies = new ConcurrentBag<double>();
            var failures = 0;
            var next = -1;
            var watch = Stopwatch.StartNew();
            await Parallel.ForAsync(0, citizens.Length, new ParallelOptions { MaxDegreeOfParallelism = citizens.Length }, async (c, ct) =>
            {
                var (client, token) = citizens[c];
                while (Interlocked.Increment(ref next) < requests)
                {
                    var (receipt, code) = applications[(c + next) % applications.Count];
                    using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Receipt"] = receipt, ["Code"] = code, ["__RequestVerificationToken"] = token });
                    var started = Stopwatch.GetTimestamp();
                    using var response = await client.PostAsync("/public/follow-up", content, ct);
                    var body = await response.Content.ReadAsStringAsync(ct);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!response.IsSuccessStatusCode || !body.Contains("data-testid=\"state\"", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            });
            return ([.. latencies], failures, watch.Elapsed);
        }

        if (options.Wrk)
        {
            // Debian's wrk (one thread, --clients connections, the same cookie and token on each),
            // a warm-up run of 10 s, then 30 s measured; its Lua done() reports the percentiles.
            var cookie = new CookieContainer();
            using var wrkClient = new HttpClient(new SocketsHttpHandler { CookieContainer = cookie, UseProxy = false }) { BaseAddress = uri };
            var token = Token(await wrkClient.GetStringAsync("/public/follow-up"));
            var script = Path.Combine(Path.GetTempPath(), $"fenquan-followup-{Guid.NewGuid():N}.lua");
            var bodies = string.Join(",", applications.Select(a => $"\"Receipt={a.Receipt}&Code={a.Code}&__RequestVerificationToken={Uri.EscapeDataString(token)}\""));
            File.WriteAllText(script, $$"""
                local bodies = { {{bodies}} }
                local i = 0
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
                wrk.headers["Cookie"] = "{{cookie.GetCookieHeader(uri)}}"
                request = function()
                  i = i + 1
                  return wrk.format(nil, "/public/follow-up", nil, bodies[(i % #bodies) + 1])
                end
                done = function(summary, latency, requests)
                  io.write(string.format("RESULT %d %d %d %.1f %.1f %.1f %.1f %.2f\n", summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
                    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, summary.duration / 1e6))
                end
                """);
            string RunWrk(int seconds)
            {
                var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, UseShellExecute = false };
                foreach (var a in new[] { "-t1", $"-c{citizens.Length}", $"-d{seconds}s", "--timeout", "10s", "-s", script, uri.ToString().TrimEnd('/') })
                {
                    info.ArgumentList.Add(a);
                }

                using var wrk = Process.Start(info)!;
                var output = wrk.StandardOutput.ReadToEnd();
                wrk.WaitForExit();
                return output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal)) ?? output;
            }

            string Describe(string result)
            {
                var f = result.Split(' ');
                return f.Length < 9 ? result : $"{f[1]} requests in {f[8]} s = {double.Parse(f[1], CultureInfo.InvariantCulture) / double.Parse(f[8], CultureInfo.InvariantCulture):F0}/s; p50 {f[4]} ms, p95 {f[5]} ms, p99 {f[6]} ms, max {f[7]} ms; non-2xx {f[2]}, socket errors {f[3]}";
            }

            Console.WriteLine($"wrk warm-up, not counted: {Describe(RunWrk(10))}");
            var wrkCpu = ServerCpu.Milliseconds(server);
            var measured = RunWrk(30);
            var requestsDone = double.Parse(measured.Split(' ') is { Length: > 1 } parts ? parts[1] : "1", CultureInfo.InvariantCulture);
            Console.WriteLine($"POST /public/follow-up (wrk), {citizens.Length} concurrent connections, server CPU {(ServerCpu.Milliseconds(server) - wrkCpu) / Math.Max(1, requestsDone):F2} ms/request: {Describe(measured)}");
            Console.WriteLine($"load after: {Load.Average()}");
            File.Delete(script);
            return measured.Split(' ') is { Length: > 3 } r && r[2] == "0" && r[3] == "0" ? 0 : 1;
        }

        if (options.Warmup > 0)
        {
            var (warm, warmFailures, warmElapsed) = await RoundAsync(options.Warmup);
            Report.Print($"warm-up, not counted: POST /public/follow-up, {citizens.Length} concurrent", warm, warmElapsed, warmFailures);
        }

        var cpu = ServerCpu.Milliseconds(server);
        var (latencies, failures, elapsed) = await RoundAsync(options.Matters);
        var cpuPerRequest = (ServerCpu.Milliseconds(server) - cpu) / Math.Max(1, latencies.Count);
        Report.Print($"POST /public/follow-up, {citizens.Length} concurrent clients, server CPU {cpuPerRequest:F2} ms/request", latencies, elapsed, failures);
        Console.WriteLine($"load after: {Load.Average()}");
        foreach (var (client, _) in citizens)
        {
            client.Dispose();
        }

        return failures == 0 ? 0 : 1;
    }

    private static HttpClient Citizen(Uri uri) =>
        new(new SocketsHttpHandler { CookieContainer = new CookieContainer(), MaxConnectionsPerServer = 1, AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = uri, Timeout = TimeSpan.FromSeconds(30) };

    private static string Token(string html) => TokenPattern().Match(html).Groups[1].Value;

    private static string Field(string html, string testId) => Regex.Match(html, "data-testid=\"" + testId + "\"[^>]*>([^<]*)<").Groups[1].Value.Trim();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("href=\"/public/([0-9a-f-]{36})/items\"")]
    private static partial Regex CountyPattern();
}

/// <summary>CPU time used so far by a process and its descendants (Linux /proc), in milliseconds; 0 elsewhere.</summary>
internal static class ServerCpu
{
    public static double Milliseconds(Process? root)
    {
        if (root is null || !Directory.Exists("/proc"))
        {
            return 0;
        }

        var parents = new Dictionary<int, int>();
        var ticks = new Dictionary<int, long>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
            }
        }

        bool InTree(int pid)
        {
            for (var i = 0; i < 64 && pid > 1; i++)
            {
                if (pid == root.Id)
                {
                    return true;
                }

                pid = parents.GetValueOrDefault(pid);
            }

            return false;
        }

        // Kernel clock ticks are 100 per second on Linux.
        return ticks.Where(t => InTree(t.Key)).Sum(t => t.Value) * 10.0;
    }
}
