using Accession.Omero.Web;
using Accession.TestKit.Omero;
using Microsoft.Extensions.Logging.Abstractions;

namespace Accession.Omero.Tests;

/// <summary>
/// The OMERO.web client's session while requests run beside a login, against the fake OMERO.web over real
/// sockets: a login never disturbs the requests around it, and an expired session is renewed once.
/// </summary>
public sealed class WebSessionTests
{
    private const string Namespace = "test.web-session";
    private const string AnnotateMap = "/webclient/annotate_map/";

    // Bound the logins forced and the POSTs sent while they run (a login ends long before this many).
    private const int LoginRounds = 5;
    private const int MaxPosts = 5_000;

    [Fact]
    public async Task Posts_sent_while_a_new_login_runs_are_each_accepted_at_the_first_try()
    {
        await using var session = await LoggedIn.StartAsync();
        var (scenario, image, client) = (session.Scenario, session.Image, session.Client);
        var token = TestContext.Current.CancellationToken;
        var sent = 0;
        for (var round = 1; round <= LoginRounds; round++)
        {
            // Both steps of the next login are held up, so annotations are posted during each of them
            // (a loaded machine may start the first ones late: another round then tries again).
            scenario.Omero.Faults.Delay(TimeSpan.FromMilliseconds(200), "/api/v0/token/", count: 1);
            scenario.Omero.Faults.Delay(TimeSpan.FromMilliseconds(200), "/api/v0/login/", count: 1);
            var login = client.LoginAsync(token);
            while (!login.IsCompleted && sent < MaxPosts)
            {
                await Task.WhenAll(Enumerable.Range(sent, 4).Select(i => Annotate(client, image.Id, i, token)));
                sent += 4;
            }

            await login;
            if (PostsOverlappedEveryLoginStep(scenario.Omero.Requests))
            {
                break;
            }
        }

        // After the swap the new session serves every request.
        await Task.WhenAll(Enumerable.Range(sent, 4).Select(i => Annotate(client, image.Id, i, token)));
        sent += 4;

        var requests = scenario.Omero.Requests;
        var posts = requests.Where(request => request.Path == AnnotateMap).ToList();
        Assert.Equal(sent, posts.Count);
        Assert.All(posts, post => Assert.Equal(200, post.StatusCode));
        Assert.DoesNotContain(requests, request => request.StatusCode == 403);
        Assert.Equal(sent, scenario.Omero.MapAnnotations(image.Id).Count(annotation => annotation.Namespace == Namespace));
        Assert.Equal(requests.Count(request => request.Path == "/api/v0/login/"), client.Logins);
        Assert.True(PostsOverlappedEveryLoginStep(requests), $"no round of {LoginRounds} had posts during both steps of its login");
    }

    [Fact]
    public async Task Posts_that_find_their_session_expired_log_in_once_and_are_each_accepted_once()
    {
        await using var session = await LoggedIn.StartAsync();
        var (scenario, image, client) = (session.Scenario, session.Image, session.Client);
        var token = TestContext.Current.CancellationToken;
        scenario.Omero.Faults.ExpireAllSessions();
        scenario.Omero.ClearRequests();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Annotate(client, image.Id, i, token)));

        var requests = scenario.Omero.Requests;
        Assert.Equal(2, client.Logins);
        Assert.Single(requests, request => request.Path == "/api/v0/login/");
        Assert.Equal(8, requests.Count(request => request.Path == AnnotateMap && request.StatusCode == 200));
        Assert.Equal(8, scenario.Omero.MapAnnotations(image.Id).Count(annotation => annotation.Namespace == Namespace));
    }

    /// <summary>Whether, for the last login, some POST started while its token request ran and some while its login request ran.</summary>
    private static bool PostsOverlappedEveryLoginStep(IReadOnlyList<RecordedRequest> requests)
    {
        var posts = requests.Where(request => request.Path == AnnotateMap).ToList();
        return new[] { "/api/v0/token/", "/api/v0/login/" }.All(step =>
            requests.LastOrDefault(request => request.Path == step) is { } held
            && posts.Any(post => post.StartedAt > held.StartedAt && post.StartedAt < held.StartedAt + held.Duration));
    }

    private static async Task Annotate(OmeroWebClient client, long imageId, int index, CancellationToken token) =>
        Assert.NotNull(await client.AnnotateMapAsync(imageId, Namespace, [KeyValuePair.Create("n", index.ToString(System.Globalization.CultureInfo.InvariantCulture))], token));

    /// <summary>A fake OMERO.web with one image and a client logged in to it as the service account.</summary>
    private sealed class LoggedIn(ServiceScenario scenario, FakeOmeroImage image, OmeroWebClient client) : IAsyncDisposable
    {
        public ServiceScenario Scenario => scenario;

        public FakeOmeroImage Image => image;

        public OmeroWebClient Client => client;

        public static async Task<LoggedIn> StartAsync()
        {
            var scenario = await ServiceScenario.StartAsync();
            var client = new OmeroWebClient(
                scenario.Omero.BaseUrl, 1, ServiceScenario.ServiceUser, ServiceScenario.ServicePassword, NullLogger.Instance, TimeSpan.Zero);
            await client.LoginAsync(TestContext.Current.CancellationToken);
            return new LoggedIn(scenario, scenario.AddSingleFileImage("a.tif", 1_000, 1), client);
        }

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await scenario.DisposeAsync();
        }
    }
}
