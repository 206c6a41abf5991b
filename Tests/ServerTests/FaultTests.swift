#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TestSupport

/// `serve.md`, "Limits", faults on a real socket: slow headers are cut off, a client that goes
/// away mid-upload or mid-response leaves the server healthy, SIGTERM drains in-flight requests
/// and exits 0.
@Suite struct FaultTests {
    /// A blocking TCP connection to 127.0.0.1, for what an HTTP client library will not do.
    final class RawConnection {
        let fd: Int32

        init(port: Int) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
            var timeout = timeval(tv_sec: 120, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(fd) }

        /// False once the server has closed the connection.
        @discardableResult
        func send(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) } == bytes.count
        }

        /// Up to `count` bytes; empty at the end of the stream.
        func receive(_ count: Int = 65_536) -> [UInt8] {
            var buffer = [UInt8](repeating: 0, count: count)
            let read = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, count, 0) }
            return read > 0 ? Array(buffer[..<read]) : []
        }

        /// Whether the server closed the connection (a read returns at once with nothing).
        var isClosedByPeer: Bool {
            var probe = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&probe, 1, 0) > 0 else { return false }
            var byte: UInt8 = 0
            return recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT)) <= 0
        }

        /// Closes with a reset rather than a graceful end, as a client that crashed would.
        func reset() {
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        }

        /// One whole request with `Connection: close`: the answer's status code.
        static func status(port: Int, _ request: String) throws -> Int? {
            try exchange(port: port, request).status
        }

        /// One whole request with `Connection: close`: the answer's status code and its bytes
        /// (head and body).
        static func exchange(port: Int, _ request: String) throws -> (status: Int?, answer: String) {
            let connection = try RawConnection(port: port)
            connection.send(Array(request.utf8))
            var answer: [UInt8] = []
            while true {
                let part = connection.receive()
                if part.isEmpty { break }
                answer += part
            }
            let line = String(decoding: answer.prefix(while: { $0 != 13 }), as: UTF8.self)
            return (line.split(separator: " ").dropFirst().first.flatMap { Int($0) }, String(decoding: answer, as: UTF8.self))
        }
    }

    /// Runs blocking socket calls on a thread of their own: on Swift's cooperative pool (two
    /// threads on two cores) they would starve the in-process server they are talking to.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    static func healthz(_ port: Int) async throws -> Int? {
        try await offPool { try RawConnection.status(port: port, "GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n") }
    }

    /// A live server on loopback with a header timeout of one second; `body` gets its port.
    static func withOneSecondHeaderTimeout(_ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let harness = try ServerHarness {
            $0.port = 0
            $0.headerTimeout = 1
        }
        try await harness.server.application().test(.live) { client in try await body(try #require(client.port)) }
    }

    @Test func slowHeadersAreCutOff() async throws {
        try await Self.withOneSecondHeaderTimeout { port in
            let head = Array("GET /healthz HTTP/1.1\r\nHost: t\r\nX-Slow: a-header-sent-one-byte-at-a-time\r\n\r\n".utf8)
            let (sent, elapsed) = try await Self.offPool { () throws -> (Int, Double) in
                let connection = try RawConnection(port: port)
                let started = Date()
                var sent = 0
                for byte in head {
                    if connection.isClosedByPeer || !connection.send([byte]) { break }
                    sent += 1
                    usleep(100_000)
                }
                return (sent, Date().timeIntervalSince(started))
            }
            #expect(sent < head.count, "the server closed the connection before the head was complete")
            #expect(elapsed < 5)
            // A head sent at once is answered. (The test client's own connection, idle for
            // longer than the header timeout, is closed too: it is not used here.)
            #expect(try await Self.healthz(port) == 200)
        }
    }

    /// The header clock starts again at every answer (one timer a connection, moved on, not a
    /// timer a request): a keep-alive client whose requests come quicker than the timeout keeps
    /// its connection for longer than the timeout in all, and a slow head after its last answer
    /// is still cut off about a timeout after that answer.
    @Test func headerClockStartsAgainAtEveryAnswer() async throws {
        try await Self.withOneSecondHeaderTimeout { port in
            let (statuses, closedAfter) = try await Self.offPool { () throws -> ([String], Double?) in
                let connection = try RawConnection(port: port)
                var statuses: [String] = []
                // Four requests 0.6 s apart: 2.4 s on one connection with a 1 s header timeout.
                for _ in 0..<4 {
                    usleep(600_000)
                    guard connection.send(Array("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n".utf8)) else { break }
                    let answer = connection.receive()
                    statuses.append(String(decoding: answer.prefix(12), as: UTF8.self))
                }
                // Then half a head and nothing more: closed about 1 s after the last answer.
                let lastAnswer = Date()
                connection.send(Array("GET /healthz HTTP/1.1\r\n".utf8))
                while Date().timeIntervalSince(lastAnswer) < 5 {
                    if connection.isClosedByPeer { return (statuses, Date().timeIntervalSince(lastAnswer)) }
                    usleep(50_000)
                }
                return (statuses, nil)
            }
            #expect(statuses == Array(repeating: "HTTP/1.1 200", count: 4))
            let closed = try #require(closedAfter, "the connection with a half head stayed open")
            #expect(closed > 0.8 && closed < 2.5)
        }
    }

    @Test func clientsThatGoAwayLeaveTheServerHealthy() async throws {
        let harness = try ServerHarness { $0.port = 0 }
        try await harness.server.application().test(.live) { client in
            let port = try #require(client.port)
            let received = try await Self.offPool { () throws -> Int in
                // Mid-upload: a tenth of a declared body, then a reset.
                let upload = try RawConnection(port: port)
                upload.send(Array("POST /v1/check HTTP/1.1\r\nHost: t\r\nContent-Type: application/yaml\r\nContent-Length: 100000\r\n\r\n".utf8))
                upload.send(Array(repeating: UInt8(ascii: "a"), count: 10_000))
                upload.reset()
                // Mid-response: the start of a large answer, then a reset.
                let download = try RawConnection(port: port)
                download.send(Array("GET /v1/schema HTTP/1.1\r\nHost: t\r\n\r\n".utf8))
                let count = download.receive(100).count
                download.reset()
                usleep(200_000)
                return count
            }
            #expect(received > 0)
            #expect(try await Self.healthz(port) == 200)
            let slates = try await Self.offPool {
                try RawConnection.status(port: port, "GET /v1/slates HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
            }
            #expect(slates == 200)
        }
    }

    /// The built binary, with a rule that makes one request take a while: SIGTERM while it is
    /// in flight lets it finish (200), then the process exits 0, within 10 s. The request, the
    /// signal and the exit are timed on a thread of their own (see `SlowServerProcess`).
    @Test func sigtermDrainsInFlightRequestsAndExitsZero() async throws {
        let server = try await SlowServerProcess(port: 18_700 + Int(getpid() % 200))
        let dossier = try packageFile("candidates/vu-thi-mai.yaml")
        let request = "POST /v1/check HTTP/1.1\r\nHost: t\r\nConnection: close\r\nContent-Type: application/yaml\r\n"
            + "Content-Length: \(dossier.utf8.count)\r\n\r\n" + dossier
        let (status, exited, seconds) = try await Self.offPool { () -> (Int?, Bool, Double) in
            final class Answer: @unchecked Sendable { var status: Int? }
            let answer = Answer()
            let answered = DispatchSemaphore(value: 0)
            Thread {
                answer.status = try? RawConnection.status(port: server.port, request)
                answered.signal()
            }.start()
            usleep(300_000)
            let signalled = Date()
            kill(server.process.processIdentifier, SIGTERM)
            answered.wait()
            let exited = server.waitForExit(seconds: 15)
            return (answer.status, exited, Date().timeIntervalSince(signalled))
        }
        #expect(status == 200, "the request in flight was answered")
        #expect(exited)
        #expect(seconds < 11)
        #expect(server.process.terminationStatus == 0)
    }
}
