using Accession.Omero.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Accession.Omero.Service;

/// <summary>
/// Builds the long-running service on the .NET Generic Host (shared/DESIGN.md "Services"): the poll
/// loop as a <see cref="BackgroundService"/>, systemd notify and journal integration when started by
/// systemd, JSON log lines on stderr, <c>/healthz</c> and <c>/metrics</c> when <c>metrics_port</c> is set,
/// and a bounded graceful stop.
/// </summary>
public static class OmeroIsccHost
{
    /// <summary>How long in-flight work may take to stop after SIGTERM/SIGINT.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The host and the record of why it stopped on its own.</summary>
    /// <exception cref="SettingsException">The metrics endpoint cannot listen on its port.</exception>
    public static (IHost Host, ServiceExit Exit) Build(OmeroIsccSettings settings, bool backfill)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = ShutdownTimeout);
        ConfigureLogging(builder.Logging, settings, json: true);
        var exit = new ServiceExit();
        builder.Services.AddSingleton(exit);
        builder.Services.AddSingleton(provider => OmeroIsccComponents.Create(settings, provider.GetRequiredService<ILoggerFactory>()));

        if (settings.MetricsPort is not null)
        {
            var listener = MetricsEndpoint.Listen(settings);
            builder.Services.AddHostedService(provider => new MetricsEndpoint(
                listener,
                settings,
                provider.GetRequiredService<OmeroIsccComponents>().Metrics,
                provider.GetRequiredService<ILogger<MetricsEndpoint>>()));
        }

        builder.Services.AddHostedService(provider => new OmeroIsccWorker(
            provider.GetRequiredService<OmeroIsccComponents>(),
            exit,
            provider.GetRequiredService<IHostApplicationLifetime>(),
            provider.GetRequiredService<ILogger<OmeroIsccWorker>>(),
            backfill));
        return (builder.Build(), exit);
    }

    /// <summary>Log lines on stderr at the configured level, as JSON for services or plain text for interactive runs.</summary>
    public static void ConfigureLogging(ILoggingBuilder logging, OmeroIsccSettings settings, bool json)
    {
        ArgumentNullException.ThrowIfNull(logging);
        ArgumentNullException.ThrowIfNull(settings);
        logging.ClearProviders();
        logging.SetMinimumLevel(ToLogLevel(settings.LogLevel));

        // Each request would otherwise log at Information; those lines say nothing an operator needs.
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
        logging.AddFilter("Polly", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        if (json)
        {
            logging.AddJsonConsole(options => options.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fffK");
        }
        else
        {
            logging.AddSimpleConsole(options => options.SingleLine = true);
        }

        logging.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    }

    private static LogLevel ToLogLevel(string level) => level switch
    {
        "debug" => LogLevel.Debug,
        "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => LogLevel.Information,
    };
}
