namespace Accession.TestKit.Omero;

/// <summary>Settings of a <see cref="FakeOmeroWeb"/>, with OMERO.web's defaults. Set before start.</summary>
public sealed class FakeOmeroOptions
{
    /// <summary>The clock for import times, annotation dates, session idling and timed outages.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>OMERO server host listed by <c>/api/v0/servers/</c> (server id 1, port 4064).</summary>
    public string ServerHost { get; init; } = "omero";

    /// <summary>Idle time after which an OMERO session expires (<c>omero.sessions.timeout</c>, 600000 ms; spec omero.md §2.2).</summary>
    public TimeSpan SessionIdleTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Default page size of the JSON API (<c>omero.web.api.limit</c>, spec omero.md §2.4).</summary>
    public int ApiLimit { get; init; } = 200;

    /// <summary>Largest page of the JSON API (<c>omero.web.api.max_limit</c>, spec omero.md §2.4).</summary>
    public int ApiMaxLimit { get; init; } = 500;

    /// <summary>Largest multi-file zip download (<c>omero.web.maximum_multifile_download_size</c>, 1 GiB; spec omero.md §2.6).</summary>
    public long MaximumMultifileDownloadSize { get; init; } = 1L << 30;

    /// <summary>Origins accepted by the CSRF Origin check besides the server's own (<c>omero.web.csrf_trusted_origins</c>).</summary>
    public IReadOnlyCollection<string> CsrfTrustedOrigins { get; init; } = [];

    /// <summary>Time zone of annotation dates in the webclient (<c>omero.web.time_zone</c>, spec omero.md §2.7).</summary>
    public string TimeZone { get; init; } = "Europe/London";
}
