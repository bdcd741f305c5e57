namespace Accession.Iscc;

public sealed partial class IsccSumPushHasher
{
    /// <summary>
    /// Reads <paramref name="source"/> to its end straight into the ring, so its bytes are not copied
    /// once more on the way in (as they are when read into a buffer of one's own and passed to
    /// <see cref="AppendAsync"/>); full buffers go to the workers. The bytes count as appended in the
    /// order read; more appends may follow, from streams or spans. The stream is not disposed.
    /// </summary>
    /// <returns>The number of bytes read from <paramref name="source"/>.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the hasher is then unusable.</exception>
    /// <exception cref="InvalidOperationException">A previous call failed or was cancelled, or another call is still running.</exception>
    /// <exception cref="ObjectDisposedException">The hasher was disposed.</exception>
    /// <remarks>A read that fails leaves the hasher unusable too (part of a buffer may hold bytes of the failed read); its error is thrown.</remarks>
    public async ValueTask<long> AppendFromAsync(Stream source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        Enter();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            long total = 0;
            while (true)
            {
                if (_current.IsEmpty)
                {
                    _current = await _pipeline.NextBufferAsync(help: false, cancellationToken).ConfigureAwait(false);
                }

                var read = await source.ReadAsync(_current[_currentCount..], cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return total;
                }

                _currentCount += read;
                total += read;
                Volatile.Write(ref _length, _length + read);
                if (_currentCount == _current.Length)
                {
                    Commit();
                }
            }
        }
        catch (Exception error)
        {
            await FailAsync(error, cancellationToken).ConfigureAwait(false);
            throw;
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }
}
