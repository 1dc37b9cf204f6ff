import FootageModel
import Testing

@Test(arguments: [
    ("6", Int64(6000)), ("5.5", 5500), ("0.04", 40), ("0:05.5", 5500), ("01:02.003", 62_003),
    ("1:00:00.250", 3_600_250), ("00:00:06", 6000), ("5.5000", 5500), (" 7 ", 7000),
])
func parsesWrittenTimesIntoExactMilliseconds(text: String, expected: Int64) throws {
    #expect(try FrameTime.milliseconds(text) == expected)
}

@Test(arguments: ["", "abc", "-1", "5.", ".5", "1:2:3:4", "5.5004", "1:60", "1:61:00", "5,5", "1e3"])
func refusesTimesThatAreNotExact(text: String) {
    #expect(throws: FrameTime.ParseError.self) { try FrameTime.milliseconds(text) }
}

@Test func parsesAListOfTimes() throws {
    #expect(try FrameTime.millisecondsList("5.4,6.1,0:06.55") == [5400, 6100, 6550])
}

@Test func labelsTimesForSheetsAndFileNames() {
    #expect(FrameTime.label(milliseconds: 5500) == "5.500s")
    #expect(FrameTime.label(milliseconds: 65_040) == "1:05.040")
    #expect(FrameTime.label(milliseconds: 3_723_004) == "1:02:03.004")
}
