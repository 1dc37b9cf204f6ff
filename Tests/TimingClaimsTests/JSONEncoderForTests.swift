import Foundation
import FootageModel
import Testing
@testable import TimingClaims

/// Key-sorted compact JSON, so that tests can look for exact fragments.
enum JSONEncoderForTests {
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}

/// A timing every test expects to read; records an issue and stops the test when it does not.
func reading(_ timing: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> ClaimedInterval {
    try #require(TimingParser.parse(timing), sourceLocation: sourceLocation)
}
