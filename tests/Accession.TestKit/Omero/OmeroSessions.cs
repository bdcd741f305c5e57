using System.Security.Cryptography;

namespace Accession.TestKit.Omero;

/// <summary>
/// OMERO server sessions (uuid, user, group, idle clock) and the OMERO.web sessions (<c>sessionid</c>
/// cookie) that hold them. A web session whose OMERO session expired behaves as not logged in
/// (spec omero.md §6 "Session expiry"). Thread-safe.
/// </summary>
internal sealed class OmeroSessions
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OmeroSession> _byWebKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OmeroSession> _byUuid = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly TimeSpan _idleTimeout;
    private readonly OmeroFaults _faults;
    private long _nextId = 1;

    public OmeroSessions(TimeProvider clock, TimeSpan idleTimeout, OmeroFaults faults)
    {
        _clock = clock;
        _idleTimeout = idleTimeout;
        _faults = faults;
        faults.AllSessionsExpired += ExpireAll;
    }

    /// <summary>Starts an OMERO session for <paramref name="user"/> in its default group.</summary>
    public OmeroSession Open(FakeOmeroUser user)
    {
        lock (_gate)
        {
            var session = new OmeroSession(_nextId++, Guid.NewGuid().ToString(), user, user.Groups.Count > 0 ? user.Groups[0] : null)
            {
                LastUsed = _clock.GetUtcNow(),
            };
            _byUuid.Add(session.Uuid, session);
            return session;
        }
    }

    /// <summary>A live OMERO session by uuid (joining it, as login with uuid/uuid does).</summary>
    public OmeroSession? Join(string uuid)
    {
        lock (_gate)
        {
            return _byUuid.TryGetValue(uuid, out var session) && IsAlive(session) ? session : null;
        }
    }

    /// <summary>A new web session key (Django's 32 lowercase letters and digits) holding <paramref name="session"/>.</summary>
    public string Bind(OmeroSession session)
    {
        var key = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 32);
        lock (_gate)
        {
            _byWebKey[key] = session;
        }

        return key;
    }

    /// <summary>The live OMERO session behind a web session key; counts the request towards the expiry limit.</summary>
    public OmeroSession? Resolve(string? webKey)
    {
        if (webKey is null)
        {
            return null;
        }

        var limit = _faults.SessionRequestLimit;
        lock (_gate)
        {
            if (!_byWebKey.TryGetValue(webKey, out var session) || !IsAlive(session))
            {
                return null;
            }

            if (limit is { } max && session.Requests >= max)
            {
                Expire(session);
                return null;
            }

            session.Requests++;
            session.LastUsed = _clock.GetUtcNow();
            return session;
        }
    }

    /// <summary>Logout: drops the web session and closes its OMERO session.</summary>
    public void Flush(string webKey)
    {
        lock (_gate)
        {
            if (_byWebKey.Remove(webKey, out var session))
            {
                Expire(session);
            }
        }
    }

    public void ExpireAll()
    {
        lock (_gate)
        {
            foreach (var session in _byUuid.Values.ToList())
            {
                Expire(session);
            }
        }
    }

    private bool IsAlive(OmeroSession session)
    {
        if (!session.Closed && _clock.GetUtcNow() - session.LastUsed > _idleTimeout)
        {
            Expire(session);
        }

        return !session.Closed;
    }

    private void Expire(OmeroSession session)
    {
        session.Closed = true;
        _byUuid.Remove(session.Uuid);
    }
}

/// <summary>An OMERO server session; mutable fields are guarded by <see cref="OmeroSessions"/>' lock.</summary>
internal sealed class OmeroSession(long id, string uuid, FakeOmeroUser user, FakeOmeroGroup? group)
{
    public long Id => id;

    public string Uuid => uuid;

    public FakeOmeroUser User => user;

    public FakeOmeroGroup? Group => group;

    public int Requests { get; set; }

    public DateTimeOffset LastUsed { get; set; }

    public bool Closed { get; set; }
}
