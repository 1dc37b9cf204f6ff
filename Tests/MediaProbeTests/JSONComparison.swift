import Foundation

/// Compares two decoded JSON documents on every field both contain, recursively, and lists the
/// differences by path. Arrays must have the same length and are compared element by element.
struct JSONComparison {
    var differences: [String] = []
    /// Fields only the reference printed, by path without array indexes.
    var onlyInReference: Set<String> = []
    /// Fields only we printed, by path without array indexes.
    var onlyInOurs: Set<String> = []

    static func compare(ours: Any, reference: Any, ignoring: Set<String> = []) -> JSONComparison {
        var result = JSONComparison()
        result.walk(ours, reference, path: "", shape: "", ignoring: ignoring)
        return result
    }

    static func decode(_ data: Data) throws -> Any {
        try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    static func encode(_ value: some Encodable) throws -> Any {
        try decode(JSONEncoder().encode(value))
    }

    private mutating func walk(_ ours: Any, _ reference: Any, path: String, shape: String, ignoring: Set<String>) {
        if ignoring.contains(shape) { return }
        switch (ours, reference) {
        case let (left as [String: Any], right as [String: Any]):
            for key in left.keys where right[key] == nil {
                let childShape = shape.isEmpty ? key : shape + "." + key
                if !ignoring.contains(childShape) { onlyInOurs.insert(childShape) }
            }
            for (key, value) in right {
                let childShape = shape.isEmpty ? key : shape + "." + key
                guard let mine = left[key] else {
                    if !ignoring.contains(childShape) { onlyInReference.insert(childShape) }
                    continue
                }
                walk(mine, value, path: path + "." + key, shape: childShape, ignoring: ignoring)
            }
        case let (left as [Any], right as [Any]):
            guard left.count == right.count else {
                differences.append("\(path): \(left.count) elements, ffprobe has \(right.count)")
                return
            }
            for (index, pair) in zip(left, right).enumerated() {
                walk(pair.0, pair.1, path: "\(path)[\(index)]", shape: shape, ignoring: ignoring)
            }
        default:
            if !Self.same(ours, reference) {
                differences.append("\(path): ours \(ours), ffprobe \(reference)")
            }
        }
    }

    private static func same(_ left: Any, _ right: Any) -> Bool {
        switch (left, right) {
        case let (a as String, b as String): a == b
        case let (a as NSNumber, b as NSNumber): a == b
        default: false
        }
    }
}
