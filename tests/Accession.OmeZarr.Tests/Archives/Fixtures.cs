using System.Text;

namespace Accession.OmeZarr.Tests.Archives;

internal static class Fixtures
{
    /// <summary>
    /// A tar of <see cref="Generated"/> (POSIX format by Python's tarfile, mtime 0, mode 0644)
    /// compressed by xz-utils 5.4 with <c>xz -9</c>, so tests read real LZMA2-compressed data, not
    /// only the uncompressed chunks the test kit's XzWriter produces.
    /// </summary>
    public static byte[] GeneratedTarXz() => Convert.FromBase64String(
        "/Td6WFoAAATm1rRGAgAhARwAAAAQz1jM4Wf/BBhdADOZSiEKUY8x8W2oq0muLvP9mDJ3blPQgd9z2IQb6lRoAumidhLYT3q+47qg" +
        "NZaHgeOnoaum8Kn6ZasmMgkGiOxO6Ml7AdJ8daIh7jypXUfp0ju54075vx9WacsKD1zwXpJlB0VHvMTPt7ER3gvYW7DAex+RJPjE" +
        "B5K0Y+o253e8F7Pzla93T64cXPEdS0rQ/0iyBeE4wdkgyg/eoCTQgIKbxxV6cNMw9LpIAgHZMtPv7DHXiZhm6HZrlBD6AIqIwBUr" +
        "xo8WtZE+XgfHsxyXdhtbrgDSGC2i6tNrWE52Qvrys7JW9M0zHyeDnFD0PyxCOPmvI5QLSwuJLB0ttD+aZKP8xbQ6FOH+UcuWcZMx" +
        "OutVTuyyS2eCYg1iKYuGN8VMo3LslmP+M7C1Ci9UTrpxjSaFjIcx1ofVirtxEiF15qZNMuuUIltzH6J0a3ae04rVKuRaX6raNz6z" +
        "knh5cUAS2iaYeR/Cka7A8VigCei9zjiJ1fTcAHNDGrgxnwRFUryBa43gB52fwkEJ3/xyjMxjOL1MsunLV6dmLhinIo7Yem0WBLYV" +
        "/oHxa5zSsMcMXJdERnJ+Dci75sB4abJgWC5ablkjn3gM9TCdCHUa1visvOCwXAAFQ1TwcdouhDlMP+Dn38hxjcWz7e7pTL7LdaWl" +
        "TZxs6AG4B4P7q4fuk2QgnRY5YGZgTk90lslg5ASYPkesR+B9MENBz2Zb59BIBcXj8Sp5ZTIVNVH4F9oOWDazyV9jh9dG4uC9qDj0" +
        "SW14QYIlVFH0qO+3eadIdAY7PZW035jT651sDj7E6Za+Qz6kimU1yKDHXeWmpavc+gF77HP63CuOICnh3wq2QLbGk10Au0RmDyob" +
        "e7FuoBUc7q8Jnhpqmx/ictLuiZafgVF9ZiXmXjBHcMJ+8XwBf2LrtFTWjcqsNWdEhqsoaEpbz0bYGy/0D2rGl4LyG+pjjPBKPmyf" +
        "i88gpIqbpGJ+P2yirbBw4/dOOHeZrMQEXbMaOwWzuPHmaY7XLmhbMjuS2IUU9gzCAwr5vFbBmOlZzEcrPna73vT/GlE3D56Xhfqr" +
        "p4CsXOvUTUhAB7ZQoW50Y8JBE5SwUNyppAFFcRLCqg8TqNHpowjfmJi5YIyrtnHrqphURXYFFJpiYHzf/wPfyjAdLQ/njvFZ3ZYI" +
        "wTxOPPKEExGJ8D0vyY4Qqjb+w4kBmnw91J03TIDlBRc0TxrcWFlazR0hDBEUayvaZcce1Dh9g1uGGwup8vTSkd4ijn3X4bqvqOMr" +
        "04itBwJtEK6YaEUisnLtreFg4J1Ss7v9JTXysAmp5lVav8skpKIVqsiUwGg/jmEajkFK9X4fhTvQymZJ6CBpLuNZs+VmzgdcrjlI" +
        "WSZFLKizIwa4vdS2fG+8iVtFke4IgNVPVajTIAAAzmQkbzjZNikAAbQIgNAFADG52W+xxGf7AgAAAAAEWVo=");

    /// <summary>
    /// The files inside <see cref="GeneratedTarXz"/>: a tiny Zarr-like tree whose bytes follow a fixed
    /// rule, so the fixture can be checked without keeping a second copy of it.
    /// </summary>
    public static Dictionary<string, byte[]> Generated()
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["generated.zarr/zarr.json"] = Encoding.UTF8.GetBytes("{\"zarr_format\":3,\"node_type\":\"group\"}\n"),
        };
        for (var chunk = 0; chunk < 4; chunk++)
        {
            var bytes = new byte[20_000 + (chunk * 1_000)];
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((i * (chunk + 3)) % 251);
            }

            files[$"generated.zarr/0/c/0/{chunk}"] = bytes;
        }

        return files;
    }
}
