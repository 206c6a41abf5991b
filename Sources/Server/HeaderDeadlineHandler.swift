import HummingbirdCore
import NIOCore

/// Closes a connection whose request head has not fully arrived `timeout` after the connection
/// opened or the previous answer was sent: a client trickling its headers a byte at a time
/// (slowloris) never resets an idle timeout, but it cannot hold a connection past this one. The
/// clock stops once the head is in, so a long body upload or a long evaluation is not cut.
/// Arming only notes the time: one timer a connection, re-armed for the noted time when it
/// fires early, rather than a task scheduled and cancelled on the event loop per request.
final class HeaderDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTP1Channel.Value.InboundPart
    typealias InboundOut = HTTP1Channel.Value.InboundPart
    typealias OutboundIn = HTTP1Channel.Value.OutboundPart
    typealias OutboundOut = HTTP1Channel.Value.OutboundPart

    private let timeout: TimeAmount
    /// When the head awaited is due; nil while none is awaited (a request is being read or answered).
    private var due: NIODeadline?
    /// The one timer, at `due` or earlier; nil when none is scheduled.
    private var timer: Scheduled<Void>?

    init(timeout: TimeAmount) { self.timeout = timeout }

    func handlerAdded(context: ChannelHandlerContext) { arm(context) }

    func handlerRemoved(context: ChannelHandlerContext) { stop() }

    func channelInactive(context: ChannelHandlerContext) {
        stop()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { due = nil }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { arm(context) }
        context.write(data, promise: promise)
    }

    private func arm(_ context: ChannelHandlerContext) {
        let deadline = NIODeadline.now() + timeout
        due = deadline
        if timer == nil { schedule(at: deadline, on: context.eventLoop, closing: context.channel) }
    }

    private func schedule(at deadline: NIODeadline, on eventLoop: any EventLoop, closing channel: any Channel) {
        // Runs on the handler's loop; `stop` cancels it, so it does not outlive the handler.
        let handler = NIOLoopBound(self, eventLoop: eventLoop)
        timer = eventLoop.scheduleTask(deadline: deadline) {
            handler.value.fire(on: eventLoop, closing: channel)
        }
    }

    /// The timer fired: close if the head awaited is due, wait on if it was awaited again since,
    /// nothing if none is awaited (the next arm schedules again).
    private func fire(on eventLoop: any EventLoop, closing channel: any Channel) {
        timer = nil
        guard let due else { return }
        if due <= .now() {
            channel.close(promise: nil)
        } else {
            schedule(at: due, on: eventLoop, closing: channel)
        }
    }

    private func stop() {
        due = nil
        timer?.cancel()
        timer = nil
    }
}

extension NIOAsyncChannel {
    /// The request and response parts of Hummingbird's HTTP/1 channel, named without
    /// importing NIOHTTPTypes.
    typealias InboundPart = Inbound
    typealias OutboundPart = Outbound
}
