import Foundation

/// A TCP port on 127.0.0.1 that nothing listens on now (the kernel's choice), for a service process's HTTP server.
public enum FreePort {
  /// Binds port 0, reads the port the kernel chose, and closes the socket.
  public static func next() throws -> Int {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
      }
    }
    guard bound else { throw FreePortError() }
    return Int(UInt16(bigEndian: address.sin_port))
  }
}

/// The kernel gave no free port on 127.0.0.1.
public struct FreePortError: Error, CustomStringConvertible {
  /// What went wrong.
  public var description: String { "no free TCP port on 127.0.0.1" }
}
