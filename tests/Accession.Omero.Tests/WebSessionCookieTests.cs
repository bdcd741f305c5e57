using Accession.Omero.Web;

namespace Accession.Omero.Tests;

/// <summary>How a session takes the cookies a response sets: by the cookie rules, not by fixed strings.</summary>
public class WebSessionCookieTests
{
    private static readonly Uri Route = new("http://127.0.0.1:8080/api/v0/token/");

    private static HttpResponseMessage Setting(params string[] setCookies)
    {
        var response = new HttpResponseMessage { RequestMessage = new HttpRequestMessage(HttpMethod.Get, Route) };
        foreach (var value in setCookies)
        {
            response.Headers.TryAddWithoutValidation("Set-Cookie", value);
        }

        return response;
    }

    [Fact]
    public void A_cookie_set_then_replaced_then_expired_with_any_past_date_is_gone()
    {
        using var set = Setting("sessionid=first; Path=/; HttpOnly", "csrftoken=abc; Path=/");
        using var replaced = Setting("sessionid=second; Path=/");
        using var expired = Setting("sessionid=stale; expires=Mon, 02 Jan 2006 15:04:05 GMT; Path=/");

        var first = WebSession.None.WithCookiesFrom(set);
        var second = first.WithCookiesFrom(replaced);
        var third = second.WithCookiesFrom(expired);

        Assert.Equal("csrftoken=abc; sessionid=first", first.CookieHeader);
        Assert.Equal("csrftoken=abc; sessionid=second", second.CookieHeader);
        Assert.Equal("csrftoken=abc", third.CookieHeader);
    }

    [Fact]
    public void A_response_that_changes_no_cookie_keeps_the_session_itself()
    {
        using var set = Setting("csrftoken=abc; Path=/");
        var session = WebSession.None.WithCookiesFrom(set).WithCsrfToken("handed-out");

        Assert.Same(session, session.WithCookiesFrom(set));
        Assert.Equal("handed-out", session.CsrfToken);
    }
}
