using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Accession.TestKit.Pennsieve;
using Microsoft.Extensions.Time.Testing;

namespace Accession.TestKit.Tests.Pennsieve;

/// <summary>The S3 side (spec §2.7): S3's rules on presigned PUTs, storage, ETag.</summary>
public sealed class S3PutTests
{
    [Fact]
    public async Task A_put_stores_the_bytes_and_answers_the_md5_etag()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (importId, key, url) = await wire.PresignedFileAsync();
        var bytes = RandomNumberGenerator.GetBytes(5000);
        using var response = await wire.PutAsync(url, bytes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = fake.FindObject(importId, key)!;
        Assert.Equal(PennsieveWire.ETagOf(bytes), response.Headers.ETag!.Tag);
        Assert.Equal(stored.ETag, response.Headers.ETag.Tag);
        Assert.Equal(bytes, stored.ReadAllBytes());
        Assert.Equal((1, 1), (fake.PutAttempts(importId, key), fake.Uploads(importId, key)));
    }

    [Fact]
    public async Task A_zero_byte_put_with_content_length_is_stored()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (importId, key, url) = await wire.PresignedFileAsync();
        using var response = await wire.PutAsync(url, []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, fake.FindObject(importId, key)!.Length);
        Assert.Equal("0", fake.Requests[^1].Header("Content-Length"));
    }

    [Fact]
    public async Task A_chunked_put_is_501_not_implemented_with_s3s_xml()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (importId, key, url) = await wire.PresignedFileAsync();
        using var response = await wire.PutAsync(url, [1, 2, 3], r => r.Headers.TransferEncodingChunked = true);
        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        var error = await ErrorAsync(response);
        Assert.Equal("NotImplemented", error.Element("Code")!.Value);
        Assert.Equal("Transfer-Encoding", error.Element("Header")!.Value);
        Assert.Null(fake.FindObject(importId, key));
    }

    [Fact]
    public async Task A_put_without_content_length_is_411()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (_, _, url) = await wire.PresignedFileAsync();
        var uri = new Uri(url);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, uri.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"PUT {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\nConnection: close\r\n\r\n"));
        var answer = await new StreamReader(stream, Encoding.ASCII).ReadToEndAsync();
        Assert.StartsWith("HTTP/1.1 411", answer, StringComparison.Ordinal);
        Assert.Contains("<Code>MissingContentLength</Code>", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_url_fails_the_signature_check()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (importId, key, url) = await wire.PresignedFileAsync();
        var otherKey = url.Replace(key, Guid.NewGuid().ToString(), StringComparison.Ordinal);
        var longer = url.Replace("X-Amz-Expires=3600", "X-Amz-Expires=7200", StringComparison.Ordinal);
        foreach (var changed in new[] { otherKey, longer, url[..^1] })
        {
            using var response = await wire.PutAsync(changed, [1]);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("SignatureDoesNotMatch", (await ErrorAsync(response)).Element("Code")!.Value);
        }

        Assert.Equal(0, fake.PutAttempts(importId, key));
    }

    [Fact]
    public async Task A_url_without_the_presigned_query_is_access_denied()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (_, _, url) = await wire.PresignedFileAsync();
        using var response = await wire.PutAsync(url[..url.IndexOf('?', StringComparison.Ordinal)], [1]);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("AccessDenied", (await ErrorAsync(response)).Element("Code")!.Value);
    }

    [Fact]
    public async Task An_authorization_header_beside_the_presigned_query_is_refused()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (_, _, url) = await wire.PresignedFileAsync();
        using var response = await wire.PutAsync(url, [1], r => r.Headers.TryAddWithoutValidation("Authorization", "Bearer leaked"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("InvalidArgument", (await ErrorAsync(response)).Element("Code")!.Value);
    }

    [Fact]
    public async Task A_url_issued_expired_is_refused_and_a_fresh_one_works()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var token = await wire.LoginAsync();
        var key = Guid.NewGuid().ToString();
        var importId = await wire.CreateImportAsync(token, (key, "a/0"));
        fake.Faults.IssueExpiredUrls(1);
        using (var expired = await wire.PutAsync(await wire.PresignAsync(token, importId, key), [1]))
        {
            Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
            var error = await ErrorAsync(expired);
            Assert.Equal(("AccessDenied", "Request has expired"), (error.Element("Code")!.Value, error.Element("Message")!.Value));
        }

        using var fresh = await wire.PutAsync(await wire.PresignAsync(token, importId, key), [1]);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task A_url_expires_when_its_lifetime_passes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var fake = await FakePennsieve.StartAsync(new FakePennsieveSeed { Time = time });
        using var wire = new PennsieveWire(fake);
        fake.Faults.PresignedUrlLifetime = TimeSpan.FromSeconds(5);
        var (_, _, url) = await wire.PresignedFileAsync();
        Assert.Contains("X-Amz-Expires=5&", url, StringComparison.Ordinal);
        time.Advance(TimeSpan.FromSeconds(4));
        using (var inTime = await wire.PutAsync(url, [1]))
        {
            Assert.Equal(HttpStatusCode.OK, inTime.StatusCode);
        }

        time.Advance(TimeSpan.FromSeconds(2));
        using var late = await wire.PutAsync(url, [1]);
        Assert.Equal(HttpStatusCode.Forbidden, late.StatusCode);
    }

    [Fact]
    public async Task A_wrong_content_md5_is_a_bad_digest_and_stores_nothing()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (importId, key, url) = await wire.PresignedFileAsync();
        using var response = await wire.PutAsync(url, [1, 2, 3], r => r.Content!.Headers.ContentMD5 = new byte[16]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadDigest", (await ErrorAsync(response)).Element("Code")!.Value);
        Assert.Null(fake.FindObject(importId, key));
    }

    [Fact]
    public async Task A_second_put_replaces_the_object_and_counts_as_an_upload()
    {
        await using var fake = await FakePennsieve.StartAsync();
        using var wire = new PennsieveWire(fake);
        var (importId, key, url) = await wire.PresignedFileAsync();
        (await wire.PutAsync(url, [1])).Dispose();
        (await wire.PutAsync(url, [2, 2])).Dispose();
        Assert.Equal(new byte[] { 2, 2 }, fake.FindObject(importId, key)!.ReadAllBytes());
        Assert.Equal(2, fake.Uploads(importId, key));
        Assert.Single(fake.Objects);
    }

    [Theory]
    [InlineData(FakeObjectStorage.Auto, 3 * 1024 * 1024)]
    [InlineData(FakeObjectStorage.Disk, 10)]
    public async Task Objects_kept_on_disk_read_back_whole(FakeObjectStorage storage, int size)
    {
        await using var fake = await FakePennsieve.StartAsync(new FakePennsieveSeed { Storage = storage });
        using var wire = new PennsieveWire(fake);
        var (importId, key, url) = await wire.PresignedFileAsync();
        var bytes = RandomNumberGenerator.GetBytes(size);
        using var response = await wire.PutAsync(url, bytes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, fake.FindObject(importId, key)!.ReadAllBytes());
    }

    [Fact]
    public async Task Hash_only_storage_keeps_length_and_etag_but_no_bytes()
    {
        await using var fake = await FakePennsieve.StartAsync(new FakePennsieveSeed { Storage = FakeObjectStorage.HashOnly });
        using var wire = new PennsieveWire(fake);
        var (importId, key, url) = await wire.PresignedFileAsync();
        var bytes = RandomNumberGenerator.GetBytes(2 * 1024 * 1024);
        (await wire.PutAsync(url, bytes)).Dispose();
        var stored = fake.FindObject(importId, key)!;
        Assert.Equal((bytes.Length, PennsieveWire.ETagOf(bytes), false), (stored.Length, stored.ETag, stored.HasContent));
        Assert.Throws<InvalidOperationException>(() => stored.ReadAllBytes());
    }

    [Fact]
    public async Task Length_only_storage_keeps_the_length_answers_an_opaque_etag_and_still_checks_content_md5()
    {
        await using var fake = await FakePennsieve.StartAsync(new FakePennsieveSeed { Storage = FakeObjectStorage.LengthOnly });
        using var wire = new PennsieveWire(fake);
        var (importId, key, url) = await wire.PresignedFileAsync();
        var bytes = RandomNumberGenerator.GetBytes(2 * 1024 * 1024);
        using var response = await wire.PutAsync(url, bytes);
        var stored = fake.FindObject(importId, key)!;
        Assert.Equal((HttpStatusCode.OK, bytes.Length, null, false), (response.StatusCode, stored.Length, stored.Md5Hex, stored.HasContent));
        Assert.Equal(stored.ETag, response.Headers.ETag!.Tag);
        Assert.Matches("^\"[0-9a-f]{32}\"$", stored.ETag);
        Assert.NotEqual(PennsieveWire.ETagOf(bytes), stored.ETag);

        var (badImportId, badKey, badUrl) = await wire.PresignedFileAsync();
        using var bad = await wire.PutAsync(badUrl, [1, 2, 3], r => r.Content!.Headers.ContentMD5 = new byte[16]);
        Assert.Equal("BadDigest", (await ErrorAsync(bad)).Element("Code")!.Value);
        Assert.Null(fake.FindObject(badImportId, badKey));
    }

    private static async Task<XElement> ErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        var error = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("Error", error.Name.LocalName);
        Assert.NotEmpty(error.Element("RequestId")!.Value);
        return error;
    }
}
