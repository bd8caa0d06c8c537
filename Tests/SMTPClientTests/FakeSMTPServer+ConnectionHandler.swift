import NIOCore
import NIOSSL

extension FakeSMTPServer {
  /// One connection: splits lines, tracks DATA mode, asks the script and executes its responses.
  final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let script: Script
    private let recorder: Recorder
    private let tlsContext: NIOSSLContext?
    var session = Session(connection: 0, messagesBefore: 0)
    private var buffer: [UInt8] = []
    private var dataLines: [String]?
    private var isClosed = false

    init(script: @escaping Script, recorder: Recorder, tlsContext: NIOSSLContext?) {
      self.script = script
      self.recorder = recorder
      self.tlsContext = tlsContext
    }

    func channelActive(context: ChannelHandlerContext) {
      self.session.connection = self.recorder.connectionOpened(context.channel)
      self.perform(self.script(.connected, self.session), context: context)
      context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
      self.isClosed = true
      context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
      self.buffer.append(contentsOf: Self.unwrapInboundIn(data).readableBytesView)
      while !self.isClosed, let lineEnd = self.crlfIndex() {
        let line = String(decoding: self.buffer[..<lineEnd], as: UTF8.self)
        self.buffer.removeFirst(lineEnd + 2)
        self.received(line: line, context: context)
      }
    }

    private func crlfIndex() -> Int? {
      guard self.buffer.count >= 2 else { return nil }
      for index in 0..<(self.buffer.count - 1)
      where self.buffer[index] == UInt8(ascii: "\r") && self.buffer[index + 1] == UInt8(ascii: "\n") {
        return index
      }
      return nil
    }

    private func received(line: String, context: ChannelHandlerContext) {
      if var lines = self.dataLines {
        if line == "." {
          self.dataLines = nil
          self.recorder.messageReceived(lines)
          let responses = self.script(.endOfData(lines), self.session)
          self.session.messagesBefore += 1
          self.perform(responses, context: context)
        } else {
          lines.append(line)
          self.dataLines = lines
          self.perform(self.script(.dataLine(line), self.session), context: context)
        }
        return
      }
      self.recorder.commandReceived(line, connection: self.session.connection)
      let responses = self.script(.command(line), self.session)
      self.session.commands.append(line)
      self.perform(responses, context: context)
    }

    private func perform(_ responses: [Response], context: ChannelHandlerContext) {
      for response in responses where !self.isClosed {
        switch response {
        case .lines(let lines):
          var buffer = context.channel.allocator.buffer(capacity: 64)
          for line in lines {
            buffer.writeString(line + "\r\n")
          }
          context.writeAndFlush(Self.wrapOutboundOut(buffer), promise: nil)
          if lines.last?.hasPrefix("354") == true {
            self.dataLines = []
          }
        case .close:
          self.isClosed = true
          context.close(promise: nil)
        case .startTLS:
          // The 220 reply was written in plain text above; from here on the pipeline speaks TLS.
          guard let tlsContext = self.tlsContext else {
            preconditionFailure("startTLS without a TLS context")
          }
          self.session.isTLS = true
          do {
            try context.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tlsContext), position: .first)
          } catch {
            self.isClosed = true
            context.close(promise: nil)
          }
        }
      }
    }
  }
}
