@testable import Casework
import Catalogue
@testable import CheckCore
import FootageModel
import MediaAnalysis
import Testing

/// The check looks claimed frames up by a key it writes itself; the frame taker draws them with
/// the default rendering. Both must name the same picture, or a stored frame would never be found.
@Suite struct ClaimedFrameKeyTests {
    @Test func theLookupKeyIsTheKeyOfTheDefaultRendering() {
        let rendering = FrameRendering()
        let key = ClaimedFrames.key(ms: 5_400)
        #expect(key.rendering == rendering.key)
        #expect(key.format == rendering.format.rawValue)
        #expect(key.kind == ClaimedFrame.derivedKind)
        #expect(key.request == "at 5400ms")
    }
}
