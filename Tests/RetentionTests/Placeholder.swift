import Testing

@Suite struct RetentionPlaceholder { @Test func placeholder() { #expect(Bool(true)) } }
