using System.Text.Json;

namespace Accession.OmeZarr.Zarr;

/// <summary>A parsed <c>zarr.json</c>: a group or an array, with its attributes.</summary>
/// <param name="Kind">Group or array.</param>
/// <param name="Attributes">The <c>attributes</c> object, undefined when absent.</param>
/// <param name="Array">The array metadata when <paramref name="Kind"/> is array and it could be read.</param>
internal sealed record ZarrJsonNode(ZarrNodeKind Kind, JsonElement Attributes, ZarrArrayMetadata? Array);
