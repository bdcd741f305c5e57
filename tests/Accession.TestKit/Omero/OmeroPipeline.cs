using Microsoft.AspNetCore.Http;

namespace Accession.TestKit.Omero;

/// <summary>
/// Answers every request: outage, delay and failure faults first, then route lookup with Django's
/// slash-appending redirect, the CSRF check (before any view, as Django's middleware runs), the
/// per-app not-logged-in answer, and the route's handler; every request is recorded. Thread-safe.
/// </summary>
internal sealed class OmeroPipeline(OmeroServer server, RequestRecorder recorder)
{
    private static readonly HashSet<string> SafeMethods = ["GET", "HEAD", "OPTIONS", "TRACE"];

    public async Task HandleAsync(HttpContext http)
    {
        var exchange = new OmeroExchange(http, server);
        recorder.Begin(exchange, server.Options.Clock.GetUtcNow());
        http.Response.OnStarting(() =>
        {
            exchange.Started = true;
            exchange.Record();
            return Task.CompletedTask;
        });
        try
        {
            await AnswerAsync(exchange);
        }
        catch (Exception error) when (error is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested)
        {
            exchange.Aborted = true;
        }
        catch (Exception error) when (!http.Response.HasStarted)
        {
            // What Django's handler500 would do for an unexpected error in a view.
            await OmeroResponses.ServerErrorAsync(exchange, error.GetType().Name + ": " + error.Message);
        }
        finally
        {
            exchange.Record(completed: true);
        }
    }

    private async Task AnswerAsync(OmeroExchange exchange)
    {
        var path = exchange.Request.Path.Value ?? "/";
        switch (server.Faults.TakeOutage())
        {
            case OmeroOutage.ConnectionReset:
                exchange.Abort();
                return;
            case OmeroOutage.ServiceUnavailable:
                await OmeroResponses.TextAsync(exchange, 503, "Service Unavailable");
                return;
        }

        var delay = server.Faults.TakeDelay(path);
        if (delay > TimeSpan.Zero)
        {
            // A timer may fire a fraction of a millisecond before the clock that records the request's
            // duration has moved on by the delay; wait out that remainder so the delay holds by that clock.
            var clock = server.Options.Clock;
            var until = clock.GetUtcNow() + delay;
            await Task.Delay(delay, clock, exchange.Http.RequestAborted);
            while (clock.GetUtcNow() < until)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1), clock, exchange.Http.RequestAborted);
            }
        }

        if (server.Faults.TakeFailure(path) is { } status)
        {
            await OmeroResponses.HtmlAsync(exchange, status, $"<html><body><h1>Server Error ({status})</h1></body></html>");
            return;
        }

        var route = Find(path, exchange);
        if (route is null)
        {
            await NoRouteAsync(exchange, path);
            return;
        }

        var method = exchange.Request.Method;
        if (!SafeMethods.Contains(method))
        {
            if (exchange.Request.HasFormContentType)
            {
                exchange.Form = await exchange.Request.ReadFormAsync(exchange.Http.RequestAborted);
            }

            if (DjangoCsrf.Reject(exchange.Request, exchange.Form, server.Options.CsrfTrustedOrigins) is { } reason)
            {
                // Django's CSRF_FAILURE_VIEW answers for every app, so no api headers (spec omero.md §2.1).
                await OmeroResponses.MessageAsync(exchange, 403, "CSRF Failed: " + reason, api: false);
                return;
            }
        }

        if (!route.Methods.Contains(method))
        {
            await OmeroResponses.EmptyAsync(exchange, 405);
            return;
        }

        if (route.Access != RouteAccess.Anonymous)
        {
            exchange.Session = server.Sessions.Resolve(exchange.WebSessionKey);
        }

        if (exchange.Session is null && route.Access == RouteAccess.LoggedIn)
        {
            await NotLoggedInAsync(exchange, route.App);
            return;
        }

        if (exchange.Session is null && route.Access == RouteAccess.LoggedInOrFailed)
        {
            await OmeroResponses.TextAsync(exchange, 200, "Connection Failed");
            return;
        }

        await route.Handle(exchange);
    }

    private static OmeroRoute? Find(string path, OmeroExchange? exchange)
    {
        foreach (var route in OmeroRouteTable.Routes)
        {
            var match = route.Pattern.Match(path);
            if (match.Success)
            {
                exchange?.Match = match;
                return route;
            }
        }

        return null;
    }

    /// <summary>Django's CommonMiddleware: a path that only misses its slash is redirected permanently; anything else is 404.</summary>
    private static Task NoRouteAsync(OmeroExchange exchange, string path) =>
        !path.EndsWith('/') && Find(path + "/", null) is not null
            ? OmeroResponses.RedirectAsync(exchange, 301, path + "/" + exchange.Request.QueryString)
            : OmeroResponses.HtmlAsync(exchange, 404, "<h1>Not Found</h1><p>The requested resource was not found on this server.</p>");

    /// <summary>Spec omero.md §2.3: api → 403 JSON; webclient/webgateway → 403 empty for AJAX, else 302 to the login page.</summary>
    private static Task NotLoggedInAsync(OmeroExchange exchange, OmeroApp app)
    {
        if (app == OmeroApp.Api)
        {
            return OmeroResponses.MessageAsync(exchange, 403, "Not logged in", api: true);
        }

        if (exchange.IsAjax)
        {
            return OmeroResponses.EmptyAsync(exchange, 403);
        }

        var original = exchange.Request.Path + exchange.Request.QueryString;
        return OmeroResponses.RedirectAsync(exchange, 302, OmeroRoutes.WebclientLogin + "?url=" + Uri.EscapeDataString(original));
    }
}
