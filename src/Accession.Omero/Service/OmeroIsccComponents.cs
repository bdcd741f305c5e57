using Accession.Omero.Configuration;
using Accession.Omero.State;
using Accession.Omero.Web;
using Accession.Omero.Webhook;
using Microsoft.Extensions.Logging;

namespace Accession.Omero.Service;

/// <summary>
/// The parts one service instance is made of, built from its settings: the OMERO.web client, the state
/// store, the optional webhook, the metrics and the poller over them. Disposing it closes them all.
/// Not thread-safe to build or dispose; the parts themselves are.
/// </summary>
public sealed class OmeroIsccComponents : IDisposable
{
    private OmeroIsccComponents(OmeroIsccSettings settings, OmeroWebClient client, StateStore state, WebhookNotifier? webhook, ILoggerFactory loggers, TimeProvider? time)
    {
        Metrics = new ServiceMetrics((time ?? TimeProvider.System).GetUtcNow());
        Settings = settings;
        Client = client;
        State = state;
        Webhook = webhook;
        Poller = new IsccPoller(settings, client, state, webhook, Metrics, loggers.CreateLogger<IsccPoller>(), time);
    }

    public OmeroIsccSettings Settings { get; }

    public OmeroWebClient Client { get; }

    public StateStore State { get; }

    public WebhookNotifier? Webhook { get; }

    public ServiceMetrics Metrics { get; }

    public IsccPoller Poller { get; }

    /// <summary>Builds the parts; the state file is opened (and created) here.</summary>
    /// <exception cref="StateStoreException">The state file cannot be used.</exception>
    public static OmeroIsccComponents Create(OmeroIsccSettings settings, ILoggerFactory loggers, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggers);
        var state = StateStore.Open(settings.StatePath, time);
        var client = new OmeroWebClient(settings.WebUrl, settings.Server, settings.Username, settings.Password, loggers.CreateLogger<OmeroWebClient>(), settings.ReconnectDelay / 4);
        var webhook = settings.WebhookUrl is null
            ? null
            : new WebhookNotifier(settings.WebhookUrl, settings.WebhookSecret, loggers.CreateLogger<WebhookNotifier>(), settings.ReconnectDelay / 4, time);
        return new OmeroIsccComponents(settings, client, state, webhook, loggers, time);
    }

    public void Dispose()
    {
        Client.Dispose();
        State.Dispose();
        Webhook?.Dispose();
    }
}
