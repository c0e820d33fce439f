import Foundation
import Hummingbird
import Logging
import TCOCore
import TCOLoading

/// `tco serve`: the review page over HTTP on the loopback interface only. Three routes and nothing
/// else: the page, its re-rendered part for a what-if, and the file's version (so the page knows
/// when to reload). No route reads a file: only the model file named at start is ever read.
public enum ReviewServer {
    /// Serves `session` on 127.0.0.1:`port` (0 picks a free port); `ready` gets the URL once listening.
    public static func run(
        _ session: ReviewSession, port: Int, ready: @escaping @Sendable (String) -> Void
    ) async throws {
        _ = await session.refresh()
        let router = Router()
        router.get("/") { request, _ -> Response in
            let (changes, shown) = Self.whatIf(request.uri.queryParameters)
            let view = await session.view(changes)
            return html(ReviewPage.document(view, shown: shown))
        }
        router.get("/api/view") { request, _ -> Response in
            let (changes, shown) = Self.whatIf(request.uri.queryParameters)
            let view = await session.view(changes)
            let out = JSONWriter()
            out.object {
                out.key("ok")
                out.bool(view.whatIfProblems == nil)
                out.key("version")
                out.integer(view.version)
                if let problems = view.whatIfProblems {
                    out.key("problems")
                    out.string(ReviewPage.whatIfError(problems))
                } else {
                    out.key("html")
                    out.string(ReviewPage.live(view, shown: shown))
                }
            }
            return json(out.text)
        }
        router.get("/api/version") { _, _ -> Response in
            json("{\"version\": \(await session.version)}")
        }
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "tco-review"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                ready("http://127.0.0.1:\(bound)/")
            },
            logger: Logger(label: "tco-review", factory: { _ in SwiftLogNoOpLogHandler() }))
        // The file is watched by polling: portable, and a model file is small.
        let watcher = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(400))
                await session.refresh()
            }
        }
        defer { watcher.cancel() }
        try await app.runService()
    }

    /// The what-if changes (`set=PATH=VALUE`, repeated) and the inputs asked for (`show=PATH`).
    static func whatIf(_ parameters: Parameters) -> ([WhatIfChange], [String]) {
        var changes: [WhatIfChange] = []
        for item in parameters.getAll("set") {
            guard let equals = item.firstIndex(of: "=") else { continue }
            let path = String(item[..<equals]).trimmingCharacters(in: .whitespaces)
            let value = String(item[item.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            changes.removeAll { $0.path == path }
            changes.append(WhatIfChange(path: path, value: value))
        }
        return (changes, parameters.getAll("show").map { String($0) })
    }

    static func html(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
