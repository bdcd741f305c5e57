namespace Accession.Iscc.Blake3;

/// <summary>Constants of the BLAKE3 specification (shared/specs/iscc-sum.md §5.1).</summary>
internal static class Blake3Constants
{
    public const int OutLength = 32;
    public const int KeyLength = 32;
    public const int BlockLength = 64;
    public const int ChunkLength = 1024;

    /// <summary>Enough chaining values for 2^64 bytes of input.</summary>
    public const int MaxDepth = 54;

    public const uint ChunkStart = 1;
    public const uint ChunkEnd = 2;
    public const uint Parent = 4;
    public const uint Root = 8;
    public const uint KeyedHash = 16;
    public const uint DeriveKeyContext = 32;
    public const uint DeriveKeyMaterial = 64;

    // The first four IV words, which seed state words 8..11 of every compression.
    public const uint IV0 = 0x6A09E667;
    public const uint IV1 = 0xBB67AE85;
    public const uint IV2 = 0x3C6EF372;
    public const uint IV3 = 0xA54FF53A;

    /// <summary>The SHA-256 IV, which BLAKE3 uses as its default key.</summary>
    public static ReadOnlySpan<uint> IV =>
    [
        0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19,
    ];

    /// <summary>Message word order for each of the seven rounds (the permutation applied r times).</summary>
    public static ReadOnlySpan<byte> MessageSchedule =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
        2, 6, 3, 10, 7, 0, 4, 13, 1, 11, 12, 5, 9, 14, 15, 8,
        3, 4, 10, 12, 13, 2, 7, 14, 6, 5, 9, 0, 11, 15, 8, 1,
        10, 7, 12, 9, 14, 3, 13, 15, 4, 0, 11, 2, 5, 8, 1, 6,
        12, 13, 9, 11, 15, 10, 14, 8, 7, 2, 5, 3, 0, 1, 6, 4,
        9, 14, 11, 5, 8, 12, 15, 1, 13, 3, 0, 10, 2, 6, 4, 7,
        11, 15, 5, 0, 1, 9, 8, 6, 14, 10, 2, 12, 3, 4, 7, 13,
    ];

    /// <summary>
    /// <see cref="MessageSchedule"/> times 16: byte offsets of the message words in an array of
    /// 128-bit vectors. Scaled by 2 or 4 in the address, they serve the 256- and 512-bit kernels too.
    /// </summary>
    public static ReadOnlySpan<ushort> MessageScheduleOffsets =>
    [
        0, 16, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240,
        32, 96, 48, 160, 112, 0, 64, 208, 16, 176, 192, 80, 144, 224, 240, 128,
        48, 64, 160, 192, 208, 32, 112, 224, 96, 80, 144, 0, 176, 240, 128, 16,
        160, 112, 192, 144, 224, 48, 208, 240, 64, 0, 176, 32, 80, 128, 16, 96,
        192, 208, 144, 176, 240, 160, 224, 128, 112, 32, 80, 48, 0, 16, 96, 64,
        144, 224, 176, 80, 128, 192, 240, 16, 208, 48, 0, 160, 32, 96, 64, 112,
        176, 240, 80, 0, 16, 144, 128, 96, 224, 160, 32, 192, 48, 64, 112, 208,
    ];
}
