namespace Accession.TestKit.Omero;

/// <summary>What every route of the fake shares: settings, data, sessions, faults. Thread-safe.</summary>
internal sealed class OmeroServer
{
    public const string SessionCookie = "sessionid";

    public OmeroServer(FakeOmeroOptions options)
    {
        Options = options;
        Faults = new OmeroFaults(options.Clock);
        Database = new OmeroDatabase(options.Clock);
        Sessions = new OmeroSessions(options.Clock, options.SessionIdleTimeout, Faults);
        TimeZone = TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    public FakeOmeroOptions Options { get; }

    public OmeroFaults Faults { get; }

    public OmeroDatabase Database { get; }

    public OmeroSessions Sessions { get; }

    public TimeZoneInfo TimeZone { get; }

    /// <summary>A time as the webclient writes it: ISO 8601 in the configured zone, to the second, with offset.</summary>
    public string WebclientDate(DateTimeOffset time) =>
        TimeZoneInfo.ConvertTime(time, TimeZone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
