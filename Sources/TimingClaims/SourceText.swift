/// Text with its UTF-16 code units at hand, so that slicing by offset costs only the slice.
struct SourceText {
    let text: String
    let units: [UInt16]

    init(_ text: String) {
        self.text = text
        units = Array(text.utf16)
    }

    /// The text between two UTF-16 offsets, end exclusive.
    func slice(_ start: Int, _ end: Int) -> String {
        String(decoding: units[start..<end], as: UTF16.self)
    }
}
