import ArgumentParser
import Contract
import Foundation
import JOSE
import KafkaClient

/// Registers an organisation and writes a wrk script that posts valid signals for new children with its token.
struct WrkScript: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "wrk-script", abstract: "Prepare an organisation and write a wrk Lua script for POST /v1/signals.")

  @Option(help: "Where to write the Lua script.") var out: String

  func run() async throws {
    let bench = BenchmarkEnvironment()
    try await bench.register()
    let token = try BearerToken.mint(
      issuer: bench.organisation, subject: bench.professional, lifetime: 3600, now: Date(), key: bench.key)
    let script = """
      -- Written by IntakeBenchmark wrk-script: POST /v1/signals for a new child (a random valid BSN) each time.
      wrk.method = "POST"
      wrk.headers["Content-Type"] = "application/json"
      wrk.headers["Authorization"] = "Bearer \(token)"
      math.randomseed(os.time())
      local function bsn()
        while true do
          local digits, sum = {}, 0
          for i = 1, 8 do
            digits[i] = math.random(0, 9)
            sum = sum + digits[i] * (10 - i)
          end
          local check = sum % 11
          if check < 10 then return table.concat(digits) .. check end
        end
      end
      request = function()
        local body = '{"professionalId":"\(bench.professional)","informed":"parents","child":{"bsn":"' .. bsn()
          .. '","familyName":"Bench","givenNames":"Kind","birthDate":"2016-02-03","gender":"O"}}'
        return wrk.format(nil, "/v1/signals", nil, body)
      end
      """
    try script.write(toFile: out, atomically: true, encoding: .utf8)
    print("wrote \(out) for organisation \(bench.organisation)")
  }
}
