public import Foundation

/// A value of a PROV attribute, written in PROV-JSON's typed-literal form where it has a type.
public enum ProvValue: Sendable, Hashable {
    case string(String)
    /// A qualified name such as `prov:Person` or `footage:clip-ab12…`.
    case qualifiedName(String)
    case dateTime(Date)
    case integer(Int64)
    case uri(String)

    var json: JSONValue {
        switch self {
        case .string(let text): .string(text)
        case .integer(let number): .integer(number)
        case .qualifiedName(let name): .record(["$": .string(name), "type": .string("prov:QUALIFIED_NAME")])
        case .dateTime(let date): .record(["$": .string(ExportTime.dateTime(date)), "type": .string("xsd:dateTime")])
        case .uri(let uri): .record(["$": .string(uri), "type": .string("xsd:anyURI")])
        }
    }
}

/// Builds a W3C PROV-JSON document: prefixes, entities, activities, agents, and the relations
/// between them, each relation keyed by a blank id (`_:wgb1`, `_:u1`, …).
public struct ProvDocument: Sendable {
    public enum AgentKind: String, Sendable {
        case person = "prov:Person"
        case softwareAgent = "prov:SoftwareAgent"
        case organization = "prov:Organization"
    }

    public typealias Attributes = KeyValuePairs<String, ProvValue>

    private var prefixes: [JSONValue.Member] = []
    private var entities: [JSONValue.Member] = []
    private var activities: [JSONValue.Member] = []
    private var agents: [JSONValue.Member] = []
    private var relations: [String: [JSONValue.Member]] = [:]
    private var counters: [String: Int] = [:]
    private var identifiers: [String] = []

    /// The relation maps in the order they are written, with their blank-id stems.
    static let relationKinds: [(name: String, stem: String)] = [
        ("wasGeneratedBy", "wgb"), ("used", "u"), ("wasDerivedFrom", "wdf"),
        ("wasAttributedTo", "wat"), ("wasAssociatedWith", "waw"),
    ]

    /// Starts with the `prov` and `xsd` prefixes and `footage` bound to `footageNamespace`.
    public init(footageNamespace: String = "https://footage.invalid/ns#") {
        addPrefix("prov", "http://www.w3.org/ns/prov#")
        addPrefix("xsd", "http://www.w3.org/2001/XMLSchema#")
        addPrefix("footage", footageNamespace)
    }

    public mutating func addPrefix(_ name: String, _ namespace: String) {
        prefixes.removeAll { $0.key == name }
        prefixes.append(JSONValue.Member(name, .string(namespace)))
    }

    public mutating func entity(_ id: String, _ attributes: Attributes = [:]) {
        entities.append(JSONValue.Member(id, Self.object(attributes)))
        identifiers.append(id)
    }

    public mutating func activity(_ id: String, start: Date? = nil, end: Date? = nil, _ attributes: Attributes = [:]) {
        var value = Self.object(attributes)
        if let start { value.set("prov:startTime", .string(ExportTime.dateTime(start))) }
        if let end { value.set("prov:endTime", .string(ExportTime.dateTime(end))) }
        activities.append(JSONValue.Member(id, value))
        identifiers.append(id)
    }

    public mutating func agent(_ id: String, kind: AgentKind, _ attributes: Attributes = [:]) {
        var value = JSONValue.object([JSONValue.Member("prov:type", ProvValue.qualifiedName(kind.rawValue).json)])
        for (key, attribute) in attributes { value.set(key, attribute.json) }
        agents.append(JSONValue.Member(id, value))
        identifiers.append(id)
    }

    @discardableResult
    public mutating func wasGeneratedBy(entity: String, activity: String, time: Date? = nil) -> String {
        relation("wasGeneratedBy", ["prov:entity": entity, "prov:activity": activity], time: time)
    }

    @discardableResult
    public mutating func used(activity: String, entity: String, time: Date? = nil) -> String {
        relation("used", ["prov:activity": activity, "prov:entity": entity], time: time)
    }

    @discardableResult
    public mutating func wasDerivedFrom(generated: String, used: String) -> String {
        relation("wasDerivedFrom", ["prov:generatedEntity": generated, "prov:usedEntity": used], time: nil)
    }

    @discardableResult
    public mutating func wasAttributedTo(entity: String, agent: String) -> String {
        relation("wasAttributedTo", ["prov:entity": entity, "prov:agent": agent], time: nil)
    }

    @discardableResult
    public mutating func wasAssociatedWith(activity: String, agent: String) -> String {
        relation("wasAssociatedWith", ["prov:activity": activity, "prov:agent": agent], time: nil)
    }

    private mutating func relation(_ name: String, _ ends: KeyValuePairs<String, String>, time: Date?) -> String {
        let stem = Self.relationKinds.first { $0.name == name }?.stem ?? name
        let number = (counters[name] ?? 0) + 1
        counters[name] = number
        let id = "_:\(stem)\(number)"
        var members = ends.map { JSONValue.Member($0.key, .string($0.value)) }
        if let time { members.append(JSONValue.Member("prov:time", .string(ExportTime.dateTime(time)))) }
        relations[name, default: []].append(JSONValue.Member(id, .object(members)))
        return id
    }

    /// The document as a JSON value. Refuses an identifier whose prefix is not declared, or one
    /// declared twice, since a reader would resolve it to the wrong thing or not at all.
    public func json() throws(ExportError) -> JSONValue {
        let declared = Set(prefixes.map(\.key))
        var seen: Set<String> = []
        for id in identifiers {
            guard let colon = id.firstIndex(of: ":"), declared.contains(String(id[..<colon])) else {
                throw .unrepresentable(what: "PROV identifier \(ExportError.visible(id))", reason: "its prefix is not declared")
            }
            if !seen.insert(id).inserted {
                throw .unrepresentable(what: "PROV identifier \(ExportError.visible(id))", reason: "it is declared twice")
            }
        }
        var members = [JSONValue.Member("prefix", .object(prefixes))]
        for (name, items) in [("entity", entities), ("activity", activities), ("agent", agents)] where !items.isEmpty {
            members.append(JSONValue.Member(name, .object(items)))
        }
        for kind in Self.relationKinds {
            if let items = relations[kind.name], !items.isEmpty {
                members.append(JSONValue.Member(kind.name, .object(items)))
            }
        }
        return .object(members)
    }

    public func render() throws(ExportError) -> String {
        JSONWriter.render(try json())
    }

    private static func object(_ attributes: Attributes) -> JSONValue {
        .object(attributes.map { JSONValue.Member($0.key, $0.value.json) })
    }
}
