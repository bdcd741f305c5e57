using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Accession.Iscc.Blake3;

/// <summary>Eight 32-bit words: a key or a chaining value.</summary>
[InlineArray(8)]
internal struct Words8
{
    private uint _element;
}

/// <summary>Sixteen 32-bit words: the state after a compression.</summary>
[InlineArray(16)]
internal struct Words16
{
    private uint _element;
}

/// <summary>One 64-byte message block.</summary>
[InlineArray(Blake3Constants.BlockLength)]
internal struct BlockBytes
{
    private byte _element;
}

/// <summary>
/// The stack of subtree chaining values as little-endian bytes: <see cref="Blake3Constants.MaxDepth"/>
/// entries, plus one because merging is lazy (a new value is pushed before the stack is merged).
/// </summary>
[InlineArray((Blake3Constants.MaxDepth + 1) * Blake3Constants.OutLength)]
internal struct ChainingValueStack
{
    private byte _element;
}

/// <summary>The sixteen word-sliced message words of one block position across 4 inputs.</summary>
[InlineArray(16)]
internal struct MessageVectors128
{
    private Vector128<uint> _element;
}

/// <summary>The sixteen word-sliced message words of one block position across 8 inputs.</summary>
[InlineArray(16)]
internal struct MessageVectors256
{
    private Vector256<uint> _element;
}

/// <summary>The sixteen word-sliced message words of one block position across 16 inputs.</summary>
[InlineArray(16)]
internal struct MessageVectors512
{
    private Vector512<uint> _element;
}
