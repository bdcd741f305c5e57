namespace Accession.Omero.Configuration;

/// <summary>
/// Everything the OMERO ISCC service needs to run, with the setting names and defaults of the Python
/// <c>omero-iscc</c> service (shared/specs/omero.md §1.4; README defaults where its code disagreed)
/// plus the settings HTTP, state and scale need. Immutable; safe to share between threads.
/// </summary>
public sealed record OmeroIsccSettings
{
    /// <summary>The namespace of the service's map annotations (shared/specs/omero.md §1.7).</summary>
    public const string DefaultNamespace = "org.iscc.omero.sum";

    public string Host { get; init; } = "localhost";

    public int Port { get; init; } = 4064;

    public string Username { get; init; } = "root";

    public string Password { get; init; } = "omero";

    public bool Secure { get; init; } = true;

    /// <summary>Pause between polls.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>At most this many images are processed per poll.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Read size for downloads, in bytes.</summary>
    public int ChunkSize { get; init; } = 1024 * 1024;

    public string Namespace { get; init; } = DefaultNamespace;

    /// <summary>One of debug, info, warning, error.</summary>
    public string LogLevel { get; init; } = "info";

    public Uri? WebhookUrl { get; init; }

    /// <summary>Key for the webhook's HMAC-SHA256 signature header; no header without it.</summary>
    public string? WebhookSecret { get; init; }

    /// <summary>Attempts after the first failure before an image is parked.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Wait before a failed image is tried again (doubled on every further attempt).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The OMERO.web base URL (default <c>https://{host}</c>, <c>http://</c> when not secure).</summary>
    public required Uri WebUrl { get; init; }

    /// <summary>The OMERO.web server id to log in to (position in <c>omero.web.server_list</c>, from 1).</summary>
    public int Server { get; init; } = 1;

    /// <summary>The SQLite file that holds the watermark and per-image outcomes.</summary>
    public string StatePath { get; init; } = "omero-iscc.sqlite";

    /// <summary>Narrow ISCC-SUM (2×64 bits, ISO 24138) instead of the service's wide one (2×128 bits).</summary>
    public bool Narrow { get; init; }

    /// <summary>Images hashed at the same time.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>This replica's share of the images: those whose id modulo <see cref="ShardCount"/> is <see cref="ShardIndex"/>.</summary>
    public int ShardIndex { get; init; }

    public int ShardCount { get; init; } = 1;

    /// <summary>Port of the <c>/healthz</c> and <c>/metrics</c> endpoints (service mode only); none when null.</summary>
    public int? MetricsPort { get; init; }

    /// <summary>The address the endpoints listen on: loopback unless an operator opens them wider.</summary>
    public System.Net.IPAddress MetricsAddress { get; init; } = System.Net.IPAddress.Loopback;

    /// <summary><c>/healthz</c> answers 503 once the latest poll failed and none has succeeded for this long.</summary>
    public TimeSpan UnhealthyAfter { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>First wait before reconnecting to an unreachable OMERO.web; grows ×1.5 up to 30 s (shared/specs/omero.md §1.3).</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether this replica handles <paramref name="imageId"/>.</summary>
    public bool OwnsImage(long imageId) => ShardCount <= 1 || imageId % ShardCount == ShardIndex;
}
