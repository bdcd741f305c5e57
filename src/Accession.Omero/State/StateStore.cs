using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Accession.Omero.State;

/// <summary>
/// The service's memory between polls and restarts, in one SQLite file: the watermark (the highest image
/// id below which every image is settled) and each image's outcome, with failures, attempt counts and the
/// time of the next attempt. The OMERO annotation stays the durable record of what is done; this store
/// only saves work. Thread-safe: calls are serialised on one connection.
/// </summary>
public sealed class StateStore : IDisposable
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS watermark (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            image_id INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS images (
            image_id INTEGER PRIMARY KEY,
            outcome TEXT NOT NULL,
            iscc_code TEXT,
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            next_attempt TEXT,
            updated TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS images_by_outcome ON images (outcome, next_attempt);
        """;

    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;

    private StateStore(SqliteConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
    }

    /// <summary>Opens (creating when needed) the store at <paramref name="path"/>.</summary>
    /// <exception cref="StateStoreException">The file cannot be opened or is not a state store.</exception>
    public static StateStore Open(string path, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000;");
            Execute(connection, Schema);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            connection.Dispose();
            throw new StateStoreException($"state file '{path}' cannot be opened as a SQLite state store ({e.Message.TrimEnd('.')}); check state_path and its folder's permissions.", e);
        }

        return new StateStore(connection, time ?? TimeProvider.System);
    }

    /// <summary>The highest image id below which every image is settled; 0 for a new store.</summary>
    public long GetWatermark()
    {
        lock (_lock)
        {
            using var command = Command("SELECT image_id FROM watermark WHERE id = 1");
            return command.ExecuteScalar() is long id ? id : 0;
        }
    }

    /// <summary>Moves the watermark; it never goes back.</summary>
    public void AdvanceWatermark(long imageId)
    {
        lock (_lock)
        {
            using var command = Command("""
                INSERT INTO watermark (id, image_id) VALUES (1, $id)
                ON CONFLICT (id) DO UPDATE SET image_id = max(image_id, excluded.image_id)
                """);
            command.Parameters.AddWithValue("$id", imageId);
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Records a final outcome (anything but a failure); clears earlier failures.</summary>
    public void RecordDone(long imageId, ImageOutcome outcome, string? isccCode = null)
    {
        if (outcome is ImageOutcome.Failed or ImageOutcome.Parked)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Failures are recorded with RecordFailure.");
        }

        lock (_lock)
        {
            using var command = Command("""
                INSERT INTO images (image_id, outcome, iscc_code, attempts, last_error, next_attempt, updated)
                VALUES ($id, $outcome, $code, 0, NULL, NULL, $now)
                ON CONFLICT (image_id) DO UPDATE SET outcome = excluded.outcome, iscc_code = excluded.iscc_code,
                    attempts = 0, last_error = NULL, next_attempt = NULL, updated = excluded.updated
                """);
            command.Parameters.AddWithValue("$id", imageId);
            command.Parameters.AddWithValue("$outcome", outcome.ToString());
            command.Parameters.AddWithValue("$code", (object?)isccCode ?? DBNull.Value);
            command.Parameters.AddWithValue("$now", Format(_time.GetUtcNow()));
            command.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Records a failed attempt. After <paramref name="maxRetries"/> retries the image is parked;
    /// otherwise the next attempt is due after <paramref name="retryDelay"/>, doubled for every earlier failure.
    /// </summary>
    /// <returns>The image's record after the failure.</returns>
    public ImageRecord RecordFailure(long imageId, string error, int maxRetries, TimeSpan retryDelay)
    {
        ArgumentNullException.ThrowIfNull(error);
        lock (_lock)
        {
            var attempts = (Find(imageId) is { Outcome: ImageOutcome.Failed or ImageOutcome.Parked } earlier ? earlier.Attempts : 0) + 1;
            var now = _time.GetUtcNow();
            var parked = attempts > maxRetries;
            DateTimeOffset? next = parked ? null : now + (retryDelay * Math.Pow(2, Math.Min(attempts - 1, 20)));
            using var command = Command("""
                INSERT INTO images (image_id, outcome, iscc_code, attempts, last_error, next_attempt, updated)
                VALUES ($id, $outcome, NULL, $attempts, $error, $next, $now)
                ON CONFLICT (image_id) DO UPDATE SET outcome = excluded.outcome, iscc_code = NULL,
                    attempts = excluded.attempts, last_error = excluded.last_error,
                    next_attempt = excluded.next_attempt, updated = excluded.updated
                """);
            command.Parameters.AddWithValue("$id", imageId);
            command.Parameters.AddWithValue("$outcome", (parked ? ImageOutcome.Parked : ImageOutcome.Failed).ToString());
            command.Parameters.AddWithValue("$attempts", attempts);
            command.Parameters.AddWithValue("$error", error);
            command.Parameters.AddWithValue("$next", next is null ? DBNull.Value : Format(next.Value));
            command.Parameters.AddWithValue("$now", Format(now));
            command.ExecuteNonQuery();
            return Find(imageId)!;
        }
    }

    /// <summary>Failed images whose next attempt is due, lowest id first.</summary>
    public IReadOnlyList<long> RetriesDue()
    {
        lock (_lock)
        {
            using var command = Command("SELECT image_id FROM images WHERE outcome = 'Failed' AND next_attempt <= $now ORDER BY image_id");
            command.Parameters.AddWithValue("$now", Format(_time.GetUtcNow()));
            var ids = new List<long>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
            }

            return ids;
        }
    }

    /// <summary>Images with the given outcome, lowest id first.</summary>
    public IReadOnlyList<ImageRecord> List(ImageOutcome outcome)
    {
        lock (_lock)
        {
            using var command = Command("SELECT * FROM images WHERE outcome = $outcome ORDER BY image_id");
            command.Parameters.AddWithValue("$outcome", outcome.ToString());
            return ReadAll(command);
        }
    }

    /// <summary>The record of one image, or null when it was never seen.</summary>
    public ImageRecord? Find(long imageId)
    {
        lock (_lock)
        {
            using var command = Command("SELECT * FROM images WHERE image_id = $id");
            command.Parameters.AddWithValue("$id", imageId);
            return ReadAll(command).SingleOrDefault();
        }
    }

    public void Dispose() => _connection.Dispose();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static List<ImageRecord> ReadAll(SqliteCommand command)
    {
        var records = new List<ImageRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            records.Add(new ImageRecord(
                reader.GetInt64(reader.GetOrdinal("image_id")),
                Enum.Parse<ImageOutcome>(reader.GetString(reader.GetOrdinal("outcome"))),
                reader.IsDBNull(reader.GetOrdinal("iscc_code")) ? null : reader.GetString(reader.GetOrdinal("iscc_code")),
                reader.GetInt32(reader.GetOrdinal("attempts")),
                reader.IsDBNull(reader.GetOrdinal("last_error")) ? null : reader.GetString(reader.GetOrdinal("last_error")),
                reader.IsDBNull(reader.GetOrdinal("next_attempt")) ? null : Parse(reader.GetString(reader.GetOrdinal("next_attempt"))),
                Parse(reader.GetString(reader.GetOrdinal("updated")))));
        }

        return records;
    }

    private SqliteCommand Command(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
