using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Accession.TestKit.Omero;

/// <summary>
/// A fake OMERO.web on 127.0.0.1 (a free port), written from <c>shared/specs/omero.md</c> §2 and §6: the
/// JSON API discovery, CSRF token and login, image listing and detail, webclient map annotations
/// (listing and <c>annotate_map</c>), archived-file and original-file downloads, the download placeholder
/// page, keep-alive and logout, with Django's cookies, CSRF rules, per-app not-logged-in answers and
/// slash-appending redirects. Tests seed groups, users, filesets and images, inject faults through
/// <see cref="Faults"/>, and read back <see cref="Requests"/> and the stored map annotations.
/// Thread-safe: seeding, faults and state queries may be used while requests are served.
/// </summary>
public sealed class FakeOmeroWeb : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly OmeroServer _server;
    private readonly RequestRecorder _recorder;

    private FakeOmeroWeb(WebApplication app, OmeroServer server, RequestRecorder recorder, Uri baseUrl)
    {
        _app = app;
        _server = server;
        _recorder = recorder;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's base URL, <c>http://127.0.0.1:&lt;port&gt;</c> (no trailing slash).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Fault injection controls.</summary>
    public OmeroFaults Faults => _server.Faults;

    /// <summary>
    /// Every request so far, in the order they arrived, including those still in flight (status 0 until the
    /// response starts; <see cref="RecordedRequest.Completed"/> once over).
    /// </summary>
    public IReadOnlyList<RecordedRequest> Requests => _recorder.Snapshot();

    /// <summary>How many map annotations were created, updated and deleted through <c>annotate_map</c>.</summary>
    public AnnotationCounts AnnotationCounts => _server.Database.Counts;

    /// <summary>Every image, by id.</summary>
    public IReadOnlyList<FakeOmeroImage> Images => _server.Database.Images;

    /// <summary>Starts a server listening on 127.0.0.1 port 0.</summary>
    public static async Task<FakeOmeroWeb> StartAsync(FakeOmeroOptions? options = null, CancellationToken cancellationToken = default)
    {
        var server = new OmeroServer(options ?? new FakeOmeroOptions());
        var recorder = new RequestRecorder();
        var pipeline = new OmeroPipeline(server, recorder);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        // A ConnectionReset outage aborts each request's connection once its request has been read
        // (OmeroPipeline): aborting a connection before Kestrel reads from it could leave the client
        // waiting for an answer that never came, for as long as its own timeout.
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(pipeline.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeOmeroWeb(app, server, recorder, new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)));
    }

    /// <summary>A URL on this server, e.g. <c>Url("/api/v0/token/")</c>.</summary>
    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    /// <summary>Adds a group; <paramref name="permissions"/> is OMERO's six-letter string (default read-only, <c>rwr---</c>).</summary>
    public FakeOmeroGroup AddGroup(string name, string permissions = "rwr---") => _server.Database.AddGroup(name, permissions);

    /// <summary>Adds a user who logs in with <paramref name="userName"/> and <paramref name="password"/>; the first group is the default.</summary>
    public FakeOmeroUser AddUser(string userName, string password, params FakeOmeroGroup[] groups) =>
        _server.Database.AddUser(userName, password, isAdmin: false, groups);

    /// <summary>Adds an administrator, who reads and writes in every group.</summary>
    public FakeOmeroUser AddAdmin(string userName, string password, params FakeOmeroGroup[] groups) =>
        _server.Database.AddUser(userName, password, isAdmin: true, groups);

    /// <summary>
    /// Adds a fileset of <paramref name="files"/> owned by <paramref name="owner"/> in <paramref name="group"/>.
    /// The template prefix defaults to <c>&lt;user&gt;_&lt;id&gt;/&lt;yyyy-MM&gt;/&lt;dd&gt;/&lt;HH-mm-ss&gt;.&lt;fileset id&gt;/</c>.
    /// </summary>
    public FakeOmeroFileset AddFileset(FakeOmeroUser owner, FakeOmeroGroup group, IEnumerable<FakeOmeroFileSpec> files, string? templatePrefix = null) =>
        _server.Database.AddFileset(owner, group, [.. files], templatePrefix);

    /// <summary>
    /// Adds an image of an existing fileset (several images may share one). The id is the next free one
    /// unless given; <paramref name="adjust"/> may set the optional fields (acquisition date, sizes, …).
    /// </summary>
    public FakeOmeroImage AddImage(string name, FakeOmeroFileset fileset, long? id = null, Func<FakeOmeroImage, FakeOmeroImage>? adjust = null) =>
        _server.Database.AddImage(name, fileset, id, adjust);

    /// <summary>Adds an image with a new fileset of its own made of <paramref name="files"/>.</summary>
    public FakeOmeroImage AddImage(string name, FakeOmeroUser owner, FakeOmeroGroup group, params FakeOmeroFileSpec[] files) =>
        AddImage(name, AddFileset(owner, group, files));

    /// <summary>Deletes an image (also while a run goes on) with its annotation links; false if it did not exist.</summary>
    public bool DeleteImage(long imageId) => _server.Database.DeleteImage(imageId);

    /// <summary>Gives original file <paramref name="fileId"/> new bytes (bit rot, tampering); its images serve them from now on.</summary>
    public void ReplaceFileContent(long fileId, FakeFileContent content) => _server.Database.ReplaceFileContent(fileId, content);

    /// <summary>
    /// Links a new map annotation to an image directly, as another client would have made it; for seeding
    /// many images quickly. It counts as created in <see cref="AnnotationCounts"/>.
    /// </summary>
    public long SeedMapAnnotation(long imageId, FakeOmeroUser owner, string ns, params KeyValuePair<string, string>[] values)
    {
        var image = _server.Database.FindImage(imageId) ?? throw new ArgumentException($"No image {imageId}.", nameof(imageId));
        return _server.Database.CreateMapAnnotations(owner, [image], ns, values, onePerImage: true)[0];
    }

    /// <summary>Deletes every map annotation and link (for benchmarks that annotate the same images again).</summary>
    public void ClearMapAnnotations() => _server.Database.ClearMapAnnotations();

    /// <summary>The map annotations linked to <paramref name="imageId"/>, by id.</summary>
    public IReadOnlyList<StoredMapAnnotation> MapAnnotations(long imageId) => _server.Database.MapAnnotations(imageId);

    /// <summary>Every stored map annotation, by id (including any left unlinked by a failed link).</summary>
    public IReadOnlyList<StoredMapAnnotation> AllMapAnnotations() => _server.Database.MapAnnotations(null);

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests() => _recorder.Clear();

    /// <summary>Stops listening; requests still in flight after a short grace period are aborted.</summary>
    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }
}
