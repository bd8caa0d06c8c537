import Testing

@Suite struct NotifierPlaceholder { @Test func placeholder() { #expect(Bool(true)) } }
