namespace Accession.TestKit.Omero;

/// <summary>The routes of spec omero.md §6, each with its app and access rule.</summary>
internal static class OmeroRouteTable
{
    private const string Id = "(?<id>[0-9]+)";

    public static IReadOnlyList<OmeroRoute> Routes { get; } =
    [
        OmeroRoute.Of("/api/", OmeroApp.Api, RouteAccess.Anonymous, OmeroRoute.Get, ApiEndpoints.VersionsAsync),
        OmeroRoute.Of("/api/v0/", OmeroApp.Api, RouteAccess.Anonymous, OmeroRoute.Get, ApiEndpoints.BaseAsync),
        OmeroRoute.Of("/api/v0/token/", OmeroApp.Api, RouteAccess.Anonymous, OmeroRoute.Get, ApiEndpoints.TokenAsync),
        OmeroRoute.Of("/api/v0/servers/", OmeroApp.Api, RouteAccess.Anonymous, OmeroRoute.Get, ApiEndpoints.ServersAsync),
        OmeroRoute.Of("/api/v0/login/", OmeroApp.Api, RouteAccess.Optional, OmeroRoute.GetOrPost, LoginEndpoint.LoginAsync),
        OmeroRoute.Of("/api/v0/m/images/", OmeroApp.Api, RouteAccess.LoggedIn, OmeroRoute.Get, ImageEndpoints.ListAsync),
        OmeroRoute.Of($"/api/v0/m/images/{Id}/", OmeroApp.Api, RouteAccess.LoggedIn, ["GET", "HEAD", "DELETE"], ImageEndpoints.DetailAsync),
        OmeroRoute.Of("/webclient/api/annotations/", OmeroApp.Webclient, RouteAccess.LoggedIn, OmeroRoute.Get, AnnotationEndpoints.ListAsync),
        OmeroRoute.Of("/webclient/annotate_map/", OmeroApp.Webclient, RouteAccess.LoggedIn, OmeroRoute.GetOrPost, AnnotationEndpoints.AnnotateMapAsync),
        OmeroRoute.Of("/webclient/api/images/", OmeroApp.Webclient, RouteAccess.LoggedIn, OmeroRoute.Get, ImageEndpoints.WebclientListAsync),
        OmeroRoute.Of("/webgateway/archived_files/download/", OmeroApp.Webgateway, RouteAccess.LoggedIn, OmeroRoute.Get, DownloadEndpoints.ArchivedFilesAsync),
        OmeroRoute.Of($"/webgateway/archived_files/download/{Id}/", OmeroApp.Webgateway, RouteAccess.LoggedIn, OmeroRoute.Get, DownloadEndpoints.ArchivedFilesAsync),
        OmeroRoute.Of($"/webgateway/original_file_paths/{Id}/", OmeroApp.Webgateway, RouteAccess.LoggedIn, OmeroRoute.Get, DownloadEndpoints.OriginalFilePathsAsync),
        OmeroRoute.Of($"/webgateway/imgData/{Id}/", OmeroApp.Webgateway, RouteAccess.LoggedIn, OmeroRoute.Get, ImageEndpoints.ImageDataAsync),
        OmeroRoute.Of($"/webclient/download_original_file/{Id}/", OmeroApp.Webclient, RouteAccess.LoggedIn, OmeroRoute.Get, DownloadEndpoints.DownloadOriginalFileAsync),
        OmeroRoute.Of($"/webclient/get_original_file/{Id}/", OmeroApp.Webclient, RouteAccess.LoggedIn, OmeroRoute.Get, DownloadEndpoints.GetOriginalFileAsync),
        OmeroRoute.Of("/webclient/download_placeholder/", OmeroApp.Webclient, RouteAccess.LoggedIn, OmeroRoute.Get, DownloadEndpoints.PlaceholderAsync),
        OmeroRoute.Of("/webclient/keepalive_ping/", OmeroApp.Webclient, RouteAccess.LoggedInOrFailed, OmeroRoute.GetOrPost, WebclientEndpoints.KeepAliveAsync),
        OmeroRoute.Of("/webclient/logout/", OmeroApp.Webclient, RouteAccess.LoggedIn, OmeroRoute.GetOrPost, WebclientEndpoints.LogoutAsync),
        OmeroRoute.Of("/webclient/login/", OmeroApp.Webclient, RouteAccess.Anonymous, OmeroRoute.Get, WebclientEndpoints.LoginPageAsync),
    ];
}
