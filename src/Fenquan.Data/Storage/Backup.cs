using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Fenquan.Data.Storage;

/// <summary>
/// A backup of a SQLite data folder as one .zip: a consistent snapshot of the database taken while
/// the server runs (SQLite's <c>VACUUM INTO</c>, a single read transaction, so every commit before it
/// is in and none half), then the uploads (attachments are only ever added, and the snapshot names
/// none that is not yet on disk), and the public keys. The log's private key is left out unless asked
/// for, and then only as the encrypted file; its passphrase never goes in. A manifest lists each
/// file's SHA-256, checked on restore. PostgreSQL is backed up with pg_dump (docs/operations.md).
/// </summary>
public static class Backup
{
    public const string ManifestName = "manifest.json";

    private const string DatabaseEntry = "fenquan.db";
    private const string UploadsPrefix = "uploads/";
    private const string KeysPrefix = "keys/";

    public sealed record Manifest(int Format, DateTimeOffset TakenAt, bool SigningKey, IReadOnlyDictionary<string, string> Files);

    public sealed record Summary(string File, long Bytes, int Uploads, bool SigningKey, DateTimeOffset TakenAt);

    /// <summary>Writes the backup of the running (or stopped) store to <paramref name="output"/>.</summary>
    public static async Task<Summary> CreateAsync(DataDirectory data, DatabaseSettings database, KeyDirectory keys, string output, bool includeSigningKey, TimeProvider time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(time);
        if (database.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException("This store is on PostgreSQL: back it up with pg_dump and restore it with pg_restore (see docs/operations.md).");
        }

        var source = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (!File.Exists(source))
        {
            throw new FileNotFoundException($"No database at {source}.");
        }

        var target = Path.GetFullPath(output);
        if (File.Exists(target))
        {
            throw new IOException($"{target} exists already; a backup never overwrites a file.");
        }

        var work = Directory.CreateTempSubdirectory("fenquan-backup-").FullName;
        try
        {
            var takenAt = time.GetUtcNow();
            var snapshot = Path.Combine(work, DatabaseEntry);
            await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            {
                await connection.OpenAsync(cancellationToken);
                await using var busy = connection.CreateCommand();
                busy.CommandText = "PRAGMA busy_timeout=30000;";
                await busy.ExecuteNonQueryAsync(cancellationToken);
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $file;";
                vacuum.Parameters.AddWithValue("$file", snapshot);
                await vacuum.ExecuteNonQueryAsync(cancellationToken);
            }

            var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
            var temporary = target + ".partial";
            var uploads = 0;
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                files[DatabaseEntry] = await AddAsync(zip, DatabaseEntry, snapshot, cancellationToken);
                if (Directory.Exists(data.UploadsFolder))
                {
                    foreach (var file in Directory.EnumerateFiles(data.UploadsFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    {
                        var relative = Path.GetRelativePath(data.UploadsFolder, file).Replace(Path.DirectorySeparatorChar, '/');
                        if (relative.StartsWith(AttachmentStore.TempFolderName + "/", StringComparison.Ordinal))
                        {
                            continue; // an upload still being staged: not yet part of any matter
                        }

                        var name = UploadsPrefix + relative;
                        files[name] = await AddAsync(zip, name, file, cancellationToken);
                        uploads++;
                    }
                }

                foreach (var key in new[] { keys.PublicKeysFile, keys.Sm2PublicKeysFile, WitnessList.FileIn(keys) }.Where(File.Exists))
                {
                    var name = KeysPrefix + Path.GetFileName(key);
                    files[name] = await AddAsync(zip, name, key, cancellationToken);
                }

                foreach (var key in new[] { keys.SigningKeyFile, keys.Sm2KeyFile }.Where(f => includeSigningKey && File.Exists(f)))
                {
                    var name = KeysPrefix + Path.GetFileName(key);
                    files[name] = await AddAsync(zip, name, key, cancellationToken);
                }

                var manifest = new Manifest(1, takenAt, includeSigningKey, files);
                var entry = zip.CreateEntry(ManifestName, CompressionLevel.Optimal);
                await using var manifestStream = entry.Open();
                await JsonSerializer.SerializeAsync(manifestStream, manifest, new JsonSerializerOptions { WriteIndented = true }, cancellationToken);
            }

            File.Move(temporary, target);
            return new Summary(target, new FileInfo(target).Length, uploads, includeSigningKey, takenAt);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// Restores a backup into an empty (or missing) data folder, and its keys into the key folder
    /// (never over a signing key that is there). Every file's hash is checked against the manifest.
    /// </summary>
    public static async Task<Manifest> RestoreAsync(string backup, DataDirectory data, KeyDirectory keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(keys);
        if (Directory.Exists(data.Root) && Directory.EnumerateFileSystemEntries(data.Root).Any())
        {
            throw new IOException($"The data folder {data.Root} is not empty: restore only into an empty folder.");
        }

        using var zip = ZipFile.OpenRead(backup);
        var manifestEntry = zip.GetEntry(ManifestName) ?? throw new InvalidDataException($"{backup} has no {ManifestName}: not a Fenquan backup.");
        Manifest manifest;
        await using (var stream = manifestEntry.Open())
        {
            manifest = await JsonSerializer.DeserializeAsync<Manifest>(stream, cancellationToken: cancellationToken) ?? throw new InvalidDataException("The manifest is empty.");
        }

        if (manifest.Format != 1 || !manifest.Files.ContainsKey(DatabaseEntry))
        {
            throw new InvalidDataException("The manifest is not one this version reads.");
        }

        data.EnsureCreated();
        keys.EnsureCreated();
        foreach (var (name, hash) in manifest.Files)
        {
            if (name.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(name))
            {
                throw new InvalidDataException($"The backup names a file outside its folders: {name}.");
            }

            var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"The backup lacks {name}, which its manifest lists.");
            var target = name == DatabaseEntry ? data.DatabaseFile
                : name.StartsWith(UploadsPrefix, StringComparison.Ordinal) ? Path.Combine(data.UploadsFolder, name[UploadsPrefix.Length..])
                : name.StartsWith(KeysPrefix, StringComparison.Ordinal) ? Path.Combine(keys.Root, name[KeysPrefix.Length..])
                : throw new InvalidDataException($"The backup holds an unknown file {name}.");
            if (File.Exists(target))
            {
                if (name.StartsWith(KeysPrefix, StringComparison.Ordinal))
                {
                    continue; // the key folder keeps what it has; the log's public keys are the same
                }

                throw new IOException($"{target} exists already.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using (var from = entry.Open())
            await using (var to = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
            {
                await from.CopyToAsync(to, cancellationToken);
            }

            if ((name == KeysPrefix + Path.GetFileName(keys.SigningKeyFile) || name == KeysPrefix + Path.GetFileName(keys.Sm2KeyFile)) && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            if (await HashAsync(target, cancellationToken) != hash)
            {
                throw new InvalidDataException($"{name} does not match the hash in the manifest: the backup is damaged or was altered.");
            }
        }

        // The snapshot is in rollback-journal mode; the store runs in WAL (and, opened with its page-size
        // pragma first, could not switch a restored file itself: SQLite answered "readonly database").
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = data.DatabaseFile, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(cancellationToken);
            await using var wal = connection.CreateCommand();
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        return manifest;
    }

    private static async Task<string> AddAsync(ZipArchive zip, string name, string file, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        await using (var to = entry.Open())
        await using (var from = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            await from.CopyToAsync(to, cancellationToken);
        }

        return await HashAsync(file, cancellationToken);
    }

    private static async Task<string> HashAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
