namespace Accession.TestKit.Pennsieve;

/// <summary>
/// An object the fake S3 stored at <c>{importId}/{uploadKey}</c> (spec §2.7): its length, ETag, MD5
/// unless the fake keeps lengths only, and its bytes unless it keeps hashes or lengths only.
/// Immutable; a later PUT to the same key makes a new one.
/// </summary>
public sealed class FakeStoredObject
{
    private readonly byte[]? _bytes;
    private readonly string? _file;

    internal FakeStoredObject(string importId, string uploadKey, long length, string? md5Hex, DateTimeOffset storedAt, byte[]? bytes, string? file)
    {
        ImportId = importId;
        UploadKey = uploadKey;
        Length = length;
        Md5Hex = md5Hex;
        ETag = $"\"{md5Hex ?? Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())}\"";
        StoredAt = storedAt;
        _bytes = bytes;
        _file = file;
    }

    public string ImportId { get; }

    public string UploadKey { get; }

    /// <summary>The object key in the bucket.</summary>
    public string Key => $"{ImportId}/{UploadKey}";

    public long Length { get; }

    /// <summary>Lower-case hex MD5 of the bytes; null when the fake keeps lengths only (<see cref="FakeObjectStorage.LengthOnly"/>).</summary>
    public string? Md5Hex { get; }

    /// <summary>
    /// The <c>ETag</c> S3 answers for a single-part PUT: the MD5 in hex, in double quotes; with lengths
    /// only, 32 hex digits that are not the MD5, as for an SSE-KMS object.
    /// </summary>
    public string ETag { get; }

    public DateTimeOffset StoredAt { get; }

    /// <summary>False when the fake keeps hashes or lengths only (<see cref="FakeObjectStorage.HashOnly"/>, <see cref="FakeObjectStorage.LengthOnly"/>).</summary>
    public bool HasContent => _bytes is not null || _file is not null;

    /// <summary>The stored bytes; throws when only hashes or lengths are kept.</summary>
    public byte[] ReadAllBytes() =>
        _bytes ?? (_file is not null ? File.ReadAllBytes(_file) : throw new InvalidOperationException($"Object {Key} was stored without its bytes."));
}
