public import Foundation

/// The metadata written to `bag-info.txt`. The reserved labels come first, then `labels` in the
/// order given; Payload-Oxum and Bag-Size are computed by the writer.
public struct BagInfo: Sendable, Hashable {
    public var sourceOrganization: String
    public var externalDescription: String
    /// Written as Bagging-Date in UTC, `YYYY-MM-DD`.
    public var baggingDate: Date
    public var contactName: String?
    public var contactEmail: String?
    public var externalIdentifier: String?
    /// Further labels, e.g. `Footage-Version`, `Libavformat-Version`.
    public var labels: [Label]

    public struct Label: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public init(sourceOrganization: String, externalDescription: String, baggingDate: Date = Date(),
                contactName: String? = nil, contactEmail: String? = nil, externalIdentifier: String? = nil,
                labels: [Label] = []) {
        self.sourceOrganization = sourceOrganization
        self.externalDescription = externalDescription
        self.baggingDate = baggingDate
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.externalIdentifier = externalIdentifier
        self.labels = labels
    }

    /// Labels the writer fills in itself; passing them in `labels` is refused.
    static let computedLabels: Set<String> = ["payload-oxum", "bag-size", "bagging-date"]

    /// The text of `bag-info.txt` for a payload of `octets` bytes in `count` files.
    func render(octets: Int64, count: Int) throws(ExportError) -> String {
        var lines: [Label] = [Label("Source-Organization", sourceOrganization)]
        if let contactName { lines.append(Label("Contact-Name", contactName)) }
        if let contactEmail { lines.append(Label("Contact-Email", contactEmail)) }
        lines.append(Label("External-Description", externalDescription))
        if let externalIdentifier { lines.append(Label("External-Identifier", externalIdentifier)) }
        lines.append(Label("Bagging-Date", Self.day(baggingDate)))
        lines.append(Label("Bag-Size", Self.humanSize(octets)))
        lines.append(Label("Payload-Oxum", "\(octets).\(count)"))
        for label in labels {
            if Self.computedLabels.contains(label.name.lowercased()) {
                throw .invalidTag(label: label.name, reason: "the writer computes it")
            }
            lines.append(label)
        }
        var text = ""
        for line in lines {
            try Self.check(line)
            text += "\(line.name): \(line.value)\n"
        }
        return text
    }

    private static func check(_ label: Label) throws(ExportError) {
        let name = label.name
        if name.isEmpty || name.contains(":") || name.trimmingBlanks() != name {
            throw .invalidTag(label: name, reason: "a label is non-empty, has no ':' and no surrounding blanks")
        }
        for text in [name, label.value] where text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) {
            throw .invalidTag(label: name, reason: "line breaks and control characters would corrupt bag-info.txt")
        }
    }

    /// `YYYY-MM-DD` in UTC.
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let year = parts.year ?? 0, month = parts.month ?? 0, day = parts.day ?? 0
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Bag-Size as people read it: decimal units, one decimal place.
    static func humanSize(_ octets: Int64) -> String {
        let units = ["KB", "MB", "GB", "TB", "PB"]
        if octets < 1000 { return "\(octets) bytes" }
        var value = Double(octets) / 1000
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }
}
