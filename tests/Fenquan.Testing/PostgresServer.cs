using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Fenquan.Testing;

/// <summary>
/// A throwaway PostgreSQL server started from the installed binaries (initdb and pg_ctl in a
/// temporary folder, on a free loopback port): no root, no standing server. When the tests run
/// as root (as CI does), the server runs as the `postgres` user that Debian's package creates,
/// because PostgreSQL refuses to run as root. One server per test run; each test gets its own database.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _shared;
    private static string? _unavailable;
    private readonly string _folder;
    private readonly string _binaries;
    private readonly bool _asPostgresUser;
    private int _databases;

    private PostgresServer(string folder, string binaries, int port, bool asPostgresUser)
    {
        _folder = folder;
        _binaries = binaries;
        Port = port;
        _asPostgresUser = asPostgresUser;
    }

    public int Port { get; }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database=postgres;Pooling=false";

    /// <summary>The shared server, started on first use; null (with the test skipped or failed) when PostgreSQL is not installed.</summary>
    public static async Task<PostgresServer> StartOrSkipAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is null && _unavailable is null)
            {
                try
                {
                    _shared = await StartAsync();

                    // Normally PostgresLifetime (an assembly fixture) stops it before the runner returns;
                    // this is the fallback, and it must be quick: the runner waits only briefly for exit.
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared?.Kill();
                }
                catch (PostgresUnavailableException exception)
                {
                    _unavailable = exception.Message;
                }
            }
        }
        finally
        {
            Gate.Release();
        }

        if (_shared is null)
        {
            Requirements.Missing("PostgreSQL (" + _unavailable + ")");
        }

        return _shared!;
    }

    /// <summary>Creates a fresh empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "fenquan_test_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture) + "_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        // Every test database has a pool of its own: idle connections are closed after a few seconds,
        // so that the pools of finished tests do not hold the server's connections until it refuses more.
        return $"Host=127.0.0.1;Port={Port.ToString(CultureInfo.InvariantCulture)};Username=postgres;Database={name};Connection Idle Lifetime=5;Connection Pruning Interval=1";
    }

    /// <summary>
    /// Runs one of the installation's client tools (pg_dump, pg_restore) against this server, as the
    /// postgres user over loopback; skips the test (fails it under FENQUAN_REQUIRE_ALL=1) when the
    /// installation lacks the tool, and fails it when the tool fails.
    /// </summary>
    public void RunClientTool(string tool, IReadOnlyList<string> arguments)
    {
        var program = Path.Combine(_binaries, tool);
        if (!File.Exists(program))
        {
            Requirements.Missing($"{tool} (not in {_binaries})");
        }

        Run(program, ["--host=127.0.0.1", "--port=" + Port.ToString(CultureInfo.InvariantCulture), "--username=postgres", .. arguments], asPostgresUser: false);
    }

    public async ValueTask DisposeAsync()
    {
        Stop();
        await Task.CompletedTask;
    }

    /// <summary>Stops the shared server, if one was started (called by <see cref="PostgresLifetime"/>).</summary>
    public static async Task StopSharedAsync()
    {
        await Gate.WaitAsync();
        try
        {
            _shared?.Stop();
            _shared = null;
        }
        finally
        {
            Gate.Release();
        }
    }

    // Ends the server at once by its postmaster's pid (no waiting on pg_ctl), then removes the folder.
    private void Kill()
    {
        try
        {
            var pidFile = Path.Combine(_folder, "data", "postmaster.pid");
            if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).First(), out var pid))
            {
                using var postmaster = Process.GetProcessById(pid);
                postmaster.Kill();
                postmaster.WaitForExit(TimeSpan.FromSeconds(2));
            }

            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Best effort at process exit: a leftover temporary folder is harmless.
        }
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var binaries = FindBinaries() ?? throw new PostgresUnavailableException("initdb and pg_ctl not found under /usr/lib/postgresql");
        var asPostgresUser = Environment.UserName == "root";
        var folder = Directory.CreateTempSubdirectory("fenquan-pg-").FullName;
        if (asPostgresUser)
        {
            Run("chown", ["-R", "postgres:postgres", folder], asPostgresUser: false);
        }

        var data = Path.Combine(folder, "data");
        var port = FreePort();
        var server = new PostgresServer(folder, binaries, port, asPostgresUser);
        server.Pg("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "-N"]);
        server.Pg("pg_ctl", ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port.ToString(CultureInfo.InvariantCulture)} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400", "start"]);
        await using var connection = new NpgsqlConnection(server.AdminConnectionString);
        await connection.OpenAsync();
        return server;
    }

    private void Stop()
    {
        try
        {
            Pg("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);
        }
        catch (PostgresUnavailableException)
        {
            // Already stopped.
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Pg(string tool, IReadOnlyList<string> arguments) => Run(Path.Combine(_binaries, tool), arguments, _asPostgresUser);

    private static void Run(string program, IReadOnlyList<string> arguments, bool asPostgresUser)
    {
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgresUser)
        {
            foreach (var prefix in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new PostgresUnavailableException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new PostgresUnavailableException($"{program} timed out");
        }

        if (process.ExitCode != 0)
        {
            throw new PostgresUnavailableException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error.Result}{output.Result}");
        }
    }

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => bin, StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class PostgresUnavailableException(string message) : Exception(message);
