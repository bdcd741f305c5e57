using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Accession.TestKit.Pennsieve;

/// <summary>
/// A fake of every service the Pennsieve OME-Zarr importer talks to, on one Kestrel port on 127.0.0.1,
/// written from <c>shared/specs/pennsieve-import.md</c>: Pennsieve's <c>/authentication/cognito-config</c>,
/// Cognito's <c>InitiateAuth</c> at <c>POST /</c>, api2's workflow and import routes behind the gateway's
/// auth rules, and an S3 bucket taking presigned PUTs. Point <c>PENNSIEVE_API_HOST</c>,
/// <c>PENNSIEVE_API_HOST2</c> and the Cognito endpoint override at <see cref="BaseUrl"/>. Faults are set
/// through <see cref="Faults"/>; every request is recorded in <see cref="Requests"/>. Thread-safe.
/// </summary>
public sealed class FakePennsieve : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RequestRecorder _recorder;
    private readonly ImportStore _imports;
    private readonly ObjectStore _objects;
    private readonly CognitoTokens _tokens;
    private readonly PresignedUrls _urls;
    private readonly FakePennsieveCounters _counters = new();
    private readonly Lock _waitersLock = new();
    private readonly List<(Func<FakePennsieve, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    private FakePennsieve(FakePennsieveSeed seed)
    {
        Seed = seed;
        _tokens = new CognitoTokens(seed, Faults);
        _recorder = new RequestRecorder(Faults, CheckWaiters);
        _imports = new ImportStore(seed.Time);
        _objects = new ObjectStore(seed.Storage, seed.Time);
        _urls = new PresignedUrls(seed, Faults);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.AddServerHeader = false;
            // S3 takes objects up to 5 GiB in one PUT; the manifest cap is the fake's own check.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        builder.Services.AddRoutingCore();
        // Socket reads in 64 KiB blocks: the fake's own CPU must not bound what a benchmark measures.
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>>(LargeBlockMemoryPool.Factory);
        _app = builder.Build();
        _app.UseRouting();
        _app.Use((context, next) => _recorder.InvokeAsync(context, next));
        MapRoutes(_app);
    }

    /// <summary>The seed the fake was started with.</summary>
    public FakePennsieveSeed Seed { get; }

    /// <summary>Faults and limits, settable before and during a run.</summary>
    public FakePennsieveFaults Faults { get; } = new();

    /// <summary><c>http://127.0.0.1:{port}</c>, no trailing slash: the API hosts, the Cognito endpoint and the S3 endpoint alike.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request so far, in the order they finished.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _recorder.Snapshot();

    /// <summary>Every import manifest, in creation order.</summary>
    public IReadOnlyList<FakeImport> Imports => _imports.Snapshot();

    /// <summary>Every stored object, in storage order (a re-upload replaces its key's object).</summary>
    public IReadOnlyList<FakeStoredObject> Objects => _objects.Snapshot();

    /// <summary>Successful <c>USER_PASSWORD_AUTH</c> logins.</summary>
    public int PasswordLogins => _counters.PasswordLogins;

    /// <summary>Successful <c>REFRESH_TOKEN_AUTH</c> logins.</summary>
    public int RefreshLogins => _counters.RefreshLogins;

    /// <summary><c>InitiateAuth</c> calls refused for their credentials or refresh token.</summary>
    public int FailedLogins => _counters.FailedLogins;

    /// <summary>Starts a fake on a free port of 127.0.0.1.</summary>
    public static async Task<FakePennsieve> StartAsync(FakePennsieveSeed? seed = null, CancellationToken cancellation = default)
    {
        var fake = new FakePennsieve(seed ?? new FakePennsieveSeed());
        await fake._app.StartAsync(cancellation);
        var address = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.BaseUrl = address.TrimEnd('/');
        fake._urls.BaseUrl = fake.BaseUrl;
        return fake;
    }

    /// <summary>The object stored for an upload key of an import, or null.</summary>
    public FakeStoredObject? FindObject(string importId, string uploadKey) => _objects.Find($"{importId}/{uploadKey}");

    /// <summary>PUTs to the key that carried a valid, unexpired presigned URL (faulted ones included).</summary>
    public int PutAttempts(string importId, string uploadKey) => _objects.Attempts($"{importId}/{uploadKey}");

    /// <summary>PUTs to the key that stored an object (more than one means the file was uploaded again).</summary>
    public int Uploads(string importId, string uploadKey) => _objects.Uploads($"{importId}/{uploadKey}");

    /// <summary>
    /// A token pair as the workflow runner hands a processor in <c>SESSION_TOKEN</c> / <c>REFRESH_TOKEN</c>
    /// (spec §5): issued on the user pool client, refreshable there, not counted as a login.
    /// </summary>
    public (string AccessToken, string RefreshToken) IssueSessionTokens()
    {
        var set = _tokens.Issue("session-user", Seed.UserPoolClientId, withRefresh: true);
        return (set.AccessToken, set.RefreshToken!);
    }

    /// <summary>
    /// Completes once <paramref name="condition"/> holds; it is checked now and after every request the
    /// fake finishes (e.g. <c>fake =&gt; fake.Objects.Count &gt;= 10</c> to cancel a client mid-upload).
    /// </summary>
    public async Task WaitUntilAsync(Func<FakePennsieve, bool> condition, CancellationToken cancellation = default)
    {
        var waiter = (condition, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_waitersLock)
        {
            _waiters.Add(waiter);
        }

        try
        {
            CheckWaiters();
            await waiter.Item2.Task.WaitAsync(cancellation);
        }
        finally
        {
            lock (_waitersLock)
            {
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Revokes every access token issued so far, now (refresh tokens stay valid).</summary>
    public void ExpireAllTokens() => _tokens.RevokeAll();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _objects.Dispose();
    }

    private void CheckWaiters()
    {
        (Func<FakePennsieve, bool> Condition, TaskCompletionSource Done)[] waiters;
        lock (_waitersLock)
        {
            if (_waiters.Count == 0)
            {
                return;
            }

            waiters = [.. _waiters];
        }

        foreach (var (condition, done) in waiters)
        {
            try
            {
                if (!done.Task.IsCompleted && condition(this))
                {
                    done.TrySetResult();
                }
            }
            catch (Exception e)
            {
                // A broken condition fails its waiting test, not the request that triggered the check.
                done.TrySetException(e);
            }
        }
    }

    private void MapRoutes(WebApplication app)
    {
        var cognito = new CognitoEndpoints(Seed, Faults, _tokens, _counters);
        var gateway = new GatewayAuthorizer(Seed, _tokens);
        var workflows = new WorkflowEndpoints(Seed, Faults);
        var imports = new ImportEndpoints(Seed, _imports, _urls);
        var s3 = new S3Endpoint(Seed, Faults, _urls, _objects);

        Map(app.MapGet("/authentication/cognito-config", cognito.ConfigAsync), PennsieveRoute.CognitoConfig);
        Map(app.MapPost("/", cognito.InitiateAuthAsync), PennsieveRoute.InitiateAuth);
        Map(app.MapGet("/compute/workflows/instances/{id}", Gate(false, c => workflows.InstanceAsync(c, Value(c, "id")))), PennsieveRoute.Workflow);
        Map(app.MapGet("/compute/workflows/runs/{id}", Gate(false, c => workflows.RunAsync(c, Value(c, "id")))), PennsieveRoute.Workflow);
        Map(app.MapPost("/import", Gate(true, imports.CreateAsync)), PennsieveRoute.CreateImport);
        Map(app.MapPost("/import/manifest", Gate(true, imports.CreateAsync)), PennsieveRoute.CreateImport);
        Map(app.MapPost("/import/{id}/files", Gate(true, c => imports.AppendAsync(c, Value(c, "id")))), PennsieveRoute.AppendFiles);
        Map(app.MapGet("/import/{id}/upload/{key}/presign", Gate(true, c => imports.PresignAsync(c, Value(c, "id"), Value(c, "key")))), PennsieveRoute.Presign);
        Map(app.MapPut("/{bucket}/{**key}", s3.PutAsync), PennsieveRoute.Put);
        app.MapFallback(context => FakeHttp.WriteMessageAsync(context, StatusCodes.Status404NotFound, "Not Found"));

        RequestDelegate Gate(bool datasetScoped, RequestDelegate handler) => async context =>
        {
            if (await gateway.AuthorizeAsync(context, datasetScoped))
            {
                await handler(context);
            }
        };
    }

    private static void Map(IEndpointConventionBuilder endpoint, PennsieveRoute route) =>
        endpoint.WithMetadata(new RequestRecorder.RouteTag(route));

    private static string Value(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;
}
