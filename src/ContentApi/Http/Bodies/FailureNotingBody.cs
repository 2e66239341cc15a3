namespace ContentApi.Http.Bodies;

/// <summary>
/// The request body as sent, keeping why a read of it failed. Whoever reads the body may swallow the failure (the
/// endpoints' JSON binding answers it with a bare status) or throw it on; either way <see cref="BodyReadFailureMiddleware"/>
/// learns of it here.
/// </summary>
internal sealed class FailureNotingBody(Stream inner) : ReadOnlyBodyWrapper(inner)
{
    /// <summary>Kestrel's message when the connection ends before the body's Content-Length, or its last chunk, arrived.</summary>
    private const string UnexpectedEnd = "Unexpected end of request content";

    public IOException? Failure { get; private set; }

    /// <summary>
    /// The connection ended under a read (a Content-Length or chunk that never came, a reset): the client has gone. Not a
    /// body that was framed wrongly, too large or too slow, which the client is there to be told of.
    /// </summary>
    public bool WasCutShort => Failure is { } failure && (failure is not BadHttpRequestException bad ||
        (bad.StatusCode == StatusCodes.Status400BadRequest && bad.Message.StartsWith(UnexpectedEnd, StringComparison.Ordinal)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return await Inner.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException exception) when (exception is { InnerException: OverflowException } and not BadHttpRequestException)
        {
            // Kestrel reports a chunk size past its int (over 7fffffff) as a bare IOException, where it reports every other
            // wrongly framed chunk as a 400; read as the client's going, it was answered 499.
            var misframed = new BadHttpRequestException(exception.Message, StatusCodes.Status400BadRequest, exception);
            Failure ??= misframed;
            throw misframed;
        }
        catch (IOException exception)
        {
            Failure ??= exception;
            throw;
        }
    }
}
