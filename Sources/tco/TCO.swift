import ArgumentParser

/// The `tco` command: build-vs-buy TCO for AI workloads.
@main
struct TCO: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tco",
        abstract: "Total cost of ownership of AI workloads: buy APIs, build on own GPUs, or a hybrid.",
        subcommands: [
            Init.self, Check.self, Solve.self, Simulate.self, Report.self, Compare.self, Schema.self, Serve.self,
        ])
}
