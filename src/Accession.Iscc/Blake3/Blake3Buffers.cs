using System.Runtime.CompilerServices;

namespace Accession.Iscc.Blake3;

/// <summary>Eight 32-bit words: a key or a chaining value.</summary>
[InlineArray(8)]
internal struct Words8
{
    private uint _element;
}

/// <summary>One 64-byte message block.</summary>
[InlineArray(Blake3Constants.BlockLength)]
internal struct BlockBytes
{
    private byte _element;
}

/// <summary>The stack of subtree chaining values, <see cref="Blake3Constants.MaxDepth"/> deep.</summary>
[InlineArray(Blake3Constants.MaxDepth * 8)]
internal struct ChainingValueStack
{
    private uint _element;
}
