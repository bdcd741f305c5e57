namespace Accession.TestKit.Omero;

/// <summary>Path prefixes of the routes the fake serves (spec omero.md §6), for fault scopes and request filters.</summary>
public static class OmeroRoutes
{
    public const string ApiVersions = "/api/";
    public const string ApiBase = "/api/v0/";
    public const string Token = "/api/v0/token/";
    public const string Servers = "/api/v0/servers/";
    public const string Login = "/api/v0/login/";
    public const string Images = "/api/v0/m/images/";
    public const string Annotations = "/webclient/api/annotations/";
    public const string WebclientImages = "/webclient/api/images/";
    public const string AnnotateMap = "/webclient/annotate_map/";
    public const string ArchivedFiles = "/webgateway/archived_files/download/";
    public const string OriginalFilePaths = "/webgateway/original_file_paths/";
    public const string ImageData = "/webgateway/imgData/";
    public const string DownloadOriginalFile = "/webclient/download_original_file/";
    public const string GetOriginalFile = "/webclient/get_original_file/";
    public const string DownloadPlaceholder = "/webclient/download_placeholder/";
    public const string KeepAlive = "/webclient/keepalive_ping/";
    public const string Logout = "/webclient/logout/";
    public const string WebclientLogin = "/webclient/login/";
}
