import Foundation
import NIOCore

extension FakeSMTPServer {
  /// What the server saw, safe to read from the test while the server runs.
  ///
  /// `@unchecked Sendable`: every stored property is only read or written while `lock` is held.
  final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var _connections = 0
    private var _commands: [[String]] = []
    private var _messages: [[String]] = []
    private var _channels: [any Channel] = []

    /// How many connections were accepted.
    var connections: Int {
      self.lock.withLock { self._connections }
    }

    /// The command lines received, per connection.
    var commands: [[String]] {
      self.lock.withLock { self._commands }
    }

    /// All command lines received, in order.
    var allCommands: [String] {
      self.commands.flatMap { $0 }
    }

    /// The data lines of each completed message, as received (dot-stuffed).
    var messages: [[String]] {
      self.lock.withLock { self._messages }
    }

    func connectionOpened(_ channel: any Channel) -> Int {
      self.lock.withLock {
        self._connections += 1
        self._commands.append([])
        self._channels.append(channel)
        return self._connections
      }
    }

    func commandReceived(_ line: String, connection: Int) {
      self.lock.withLock { self._commands[connection - 1].append(line) }
    }

    func messageReceived(_ lines: [String]) {
      self.lock.withLock { self._messages.append(lines) }
    }

    func openChannels() -> [any Channel] {
      self.lock.withLock { self._channels }
    }
  }
}
