using ContentApi.Http.Bodies;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Options;

namespace ContentApi.Http.Limits;

/// <summary>
/// Lets only a few requests with large bodies be worked on at once; the others wait their turn with their bodies unread.
/// Reading, rendering and indexing a 3 MB article takes about 45 MB for a moment: sixteen of them at once took the
/// server from 115 MB to 719 MB, and one limited to 250 MB answered most of them 500, some after storing the article
/// (so a retry made a copy). After authorization, so a caller without a key is refused without queueing. A turn is
/// held while the body is read and worked on, not while the response is sent (<see cref="HeldTurn"/>).
/// </summary>
public sealed class LargeBodyGate(RequestDelegate next, IOptions<RequestLimitsOptions> options, LargeBodyTurns largeBodyTurns)
{
    private readonly RequestLimitsOptions _limits = options.Value;
    private readonly Turns _turns = largeBodyTurns.Turns;

    private string BusyDetail => $"The server is busy with other requests larger than {_limits.LargeBodyBytes} bytes; retry in a few seconds.";

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.Request.ContentLength > _limits.LargeBodyBytes)
        {
            RequireSteadyBody(context);
            if (!await _turns.TakeAsync(context, problems, BusyDetail))
            {
                return;
            }
            var turn = new HeldTurn(_turns, context.Response);
            try
            {
                await next(context);
            }
            finally
            {
                turn.Return();
            }
            return;
        }
        // A chunked body (.NET's JsonContent sends every body so) shows its size only as it is read: it waits for a
        // turn when it grows past the limit, and small ones, the common case, never wait.
        if (context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            RequireSteadyBody(context);
            var body = new TurnTakingBody(context.Request.Body, _limits.LargeBodyBytes, _turns, BusyDetail, context.Response, context.RequestAborted);
            context.Request.Body = body;
            try
            {
                await next(context);
            }
            finally
            {
                body.ReturnTurn();
            }
            return;
        }
        await next(context);
    }

    /// <summary>
    /// A large body holds one of few turns while it arrives, so it must arrive at <see cref="RequestLimitsOptions.LargeBodyMinBytesPerSecond"/>
    /// (Kestrel answers 408 otherwise; time spent waiting for a turn, not reading, does not count): at Kestrel's default
    /// of 240 bytes a second, two clients trickling 600 KB in held both turns for half an hour and every other large
    /// write got 503 (security probe). A body without a length may be large, so it is held to the same rate.
    /// </summary>
    private void RequireSteadyBody(HttpContext context)
    {
        if (context.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
        {
            rate.MinDataRate = new MinDataRate(_limits.LargeBodyMinBytesPerSecond, TimeSpan.FromSeconds(RequestLimitsOptions.LargeBodyGraceSeconds));
        }
    }

    /// <summary>
    /// A request body that, once more than <paramref name="limit"/> bytes of it are read, waits for a turn before it
    /// yields more; the wait ends when the client goes (the JSON reader of an endpoint's body passes no token).
    /// </summary>
    private sealed class TurnTakingBody(Stream inner, long limit, Turns turns, string busyDetail, HttpResponse response, CancellationToken requestAborted) : ReadOnlyBodyWrapper(inner)
    {
        private long _read;
        private HeldTurn? _turn;

        public void ReturnTurn() => _turn?.Return();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_read > limit && _turn is null)
            {
                using var waitEnds = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, cancellationToken);
                _turn = await turns.WaitAsync(waitEnds.Token) ? new HeldTurn(turns, response) : throw new NoTurnException(busyDetail);
            }
            var read = await Inner.ReadAsync(buffer, cancellationToken);
            _read += read;
            return read;
        }

        // Synchronous reads are not watched: Kestrel refuses them, and a blocked thread must not wait for a turn.
        public override long Position { get => _read; set => throw new NotSupportedException(); }
    }
}

/// <summary>The turns of requests with large bodies (one set per app).</summary>
public sealed class LargeBodyTurns(IOptions<RequestLimitsOptions> options)
{
    public Turns Turns { get; } = new(options.Value.ConcurrentLargeBodies, TimeSpan.FromSeconds(options.Value.LargeBodyWaitSeconds));
}
