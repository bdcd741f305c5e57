using System.Text.Json.Serialization;

namespace Accession.Omero.Web;

/// <summary>Source-generated JSON for the few shapes the service writes.</summary>
[JsonSerializable(typeof(string[][]))]
internal sealed partial class OmeroJson : JsonSerializerContext;
