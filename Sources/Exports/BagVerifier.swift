#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Validates any BagIt bag (RFC 8493): the declaration, every manifest line and path, that the
/// payload on disk is exactly what the manifests list, every checksum re-hashed, the
/// Payload-Oxum, and the tag manifests. It never follows a symbolic link: one inside the bag is
/// reported, not read.
public struct BagVerifier: Sendable {
    /// BagIt versions whose layout this verifier knows (1.0 and the widely written 0.97).
    public static let knownVersions: Set<String> = ["1.0", "0.97", "0.96", "0.95"]

    public init() {}

    /// Every problem found; an empty list means the bag is valid and complete.
    public func verify(bagAt path: String) -> [BagFinding] {
        let root: DirectoryHandle
        do {
            root = try DirectoryHandle.openExisting(path: path)
        } catch {
            return [BagFinding(file: ".", problem: .bagNotAFolder, detail: error.description)]
        }
        var run = VerificationRun(tree: BagTree(root: root))
        run.checkDeclaration()
        run.checkBagInfo()
        let listing = run.listPayload()
        run.checkPayloadManifests(listing: listing)
        run.checkTagManifests()
        return run.findings
    }
}

/// The state of one verification: the bag being read and what has been found so far.
private struct VerificationRun {
    let tree: BagTree
    var findings: [BagFinding] = []
    var payloadOxum: String?

    init(tree: BagTree) { self.tree = tree }

    mutating func add(_ file: String, _ problem: BagProblem, _ detail: String = "", line: Int? = nil) {
        findings.append(BagFinding(file: file, line: line, problem: problem, detail: detail))
    }

    mutating func readTag(_ name: String) -> [UInt8]? {
        do {
            return try tree.readTagFile(name)
        } catch {
            if case .system(_, _, let code) = error, code == ELOOP {
                add(name, .symbolicLink)
            } else {
                add(name, .unreadableFile, error.description)
            }
            return nil
        }
    }

    mutating func checkDeclaration() {
        if (try? tree.root.kind(of: "bagit.txt")) == nil {
            add("bagit.txt", .missingBagDeclaration)
            return
        }
        guard let bytes = readTag("bagit.txt") else { return }
        let parsed = TagFileParser.parse(bytes)
        let labels = parsed.tags.map(\.label)
        guard parsed.isValidUTF8, parsed.malformedLines.isEmpty,
              labels == ["BagIt-Version", "Tag-File-Character-Encoding"] else {
            add("bagit.txt", .malformedBagDeclaration, "labels found: \(labels.joined(separator: ", "))")
            return
        }
        let version = parsed.tags[0].value
        if !BagVerifier.knownVersions.contains(version) {
            add("bagit.txt", .unsupportedVersion, "BagIt-Version \(ExportError.visible(version))")
        }
        if parsed.tags[1].value.uppercased() != "UTF-8" {
            add("bagit.txt", .malformedBagDeclaration, "Tag-File-Character-Encoding is \(ExportError.visible(parsed.tags[1].value)), this verifier reads UTF-8 only")
        }
    }

    mutating func checkBagInfo() {
        guard (try? tree.root.kind(of: "bag-info.txt")) != nil,
              let bytes = readTag("bag-info.txt") else { return }
        let parsed = TagFileParser.parse(bytes)
        if !parsed.isValidUTF8 { add("bag-info.txt", .malformedBagInfo, "not UTF-8") }
        for line in parsed.malformedLines { add("bag-info.txt", .malformedBagInfo, line: line) }
        let oxums = parsed.tags.filter { $0.label.lowercased() == "payload-oxum" }.map(\.value)
        if oxums.count > 1 { add("bag-info.txt", .malformedOxum, "Payload-Oxum given \(oxums.count) times") }
        payloadOxum = oxums.first
    }

    mutating func listPayload() -> BagTree.Listing {
        switch try? tree.root.kind(of: "data") {
        case .folder?:
            do {
                let listing = try tree.list(folder: "data")
                findings += listing.findings
                return listing
            } catch {
                add("data", .unreadableFile, error.description)
            }
        case .symbolicLink?:
            add("data", .symbolicLink)
        default:
            add("data", .missingPayloadFolder)
        }
        return BagTree.Listing()
    }

    /// The manifests at the top of the bag whose name starts with `prefix`.
    mutating func manifests(prefix: String, payload: Bool) -> [ParsedManifest] {
        let names = ((try? tree.root.names()) ?? []).compactMap { String(validating: $0, as: UTF8.self) }
        var result: [ParsedManifest] = []
        for name in names.sorted() where name.hasPrefix(prefix) && name.hasSuffix(".txt") {
            let algorithmName = String(name.dropFirst(prefix.count).dropLast(4))
            guard let algorithm = ChecksumAlgorithm(rawValue: algorithmName) else {
                add(name, .unsupportedAlgorithm, ExportError.visible(algorithmName))
                continue
            }
            guard let bytes = readTag(name) else { continue }
            let parsed = ManifestReader.parse(bytes, fileName: name, algorithm: algorithm, payload: payload)
            findings += parsed.findings
            result.append(parsed)
        }
        return result
    }

    mutating func checkPayloadManifests(listing: BagTree.Listing) {
        let parsed = manifests(prefix: "manifest-", payload: true)
        if parsed.isEmpty {
            add(".", .noPayloadManifest)
        }
        // Completeness: every manifest lists every payload file, and nothing else.
        for manifest in parsed {
            let listed = Set(manifest.entries.map { Array($0.path.utf8) })
            for entry in manifest.entries where listing.files[Array(entry.path.utf8)] == nil {
                add(manifest.fileName, .missingFile, ExportError.visible(entry.path), line: entry.line)
            }
            for path in listing.files.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) where !listed.contains(path) {
                add(String(decoding: path, as: UTF8.self), .unlistedFile, "not in \(manifest.fileName)")
            }
        }
        let present = parsed.map { manifest in
            ParsedManifest(fileName: manifest.fileName, algorithm: manifest.algorithm,
                           entries: manifest.entries.filter { listing.files[Array($0.path.utf8)] != nil })
        }
        rehash(present)
        checkOxum(listing)
    }

    mutating func checkTagManifests() {
        let parsed = manifests(prefix: "tagmanifest-", payload: false)
        var present: [ParsedManifest] = []
        for manifest in parsed {
            var kept = manifest
            kept.entries = []
            for entry in manifest.entries {
                if case .file? = try? kindOfPath(entry.path) {
                    kept.entries.append(entry)
                } else {
                    add(manifest.fileName, .missingFile, ExportError.visible(entry.path), line: entry.line)
                }
            }
            present.append(kept)
        }
        rehash(present)
    }

    private func kindOfPath(_ path: String) throws(ExportError) -> DirectoryHandle.Kind? {
        var folder = tree.root
        let segments = path.split(separator: "/").map(String.init)
        for segment in segments.dropLast() {
            guard try folder.kind(of: segment) == .folder else { return nil }
            folder = try folder.openFolder(segment)
        }
        guard let last = segments.last else { return nil }
        return try folder.kind(of: last)
    }

    /// Hashes each listed file once with every algorithm that lists it, and compares.
    mutating func rehash(_ manifests: [ParsedManifest]) {
        var expected: [String: [(manifest: ParsedManifest, entry: ManifestEntry)]] = [:]
        var order: [String] = []
        for manifest in manifests {
            for entry in manifest.entries {
                if expected[entry.path] == nil { order.append(entry.path) }
                expected[entry.path, default: []].append((manifest, entry))
            }
        }
        let copier = HashingCopier()
        for path in order {
            guard let claims = expected[path] else { continue }
            let algorithms = Array(Set(claims.map(\.manifest.algorithm))).sorted()
            let digests: [String]
            do {
                let file = try tree.openFile(path)
                digests = try copier.copy(from: file, to: nil, algorithms: algorithms).digests
            } catch {
                if case .system(_, _, let code) = error, code == ELOOP {
                    add(path, .symbolicLink)
                } else {
                    add(path, .unreadableFile, error.description)
                }
                continue
            }
            for claim in claims {
                guard let index = algorithms.firstIndex(of: claim.manifest.algorithm) else { continue }
                if digests[index] != claim.entry.checksum {
                    add(path, .checksumMismatch,
                        "\(claim.manifest.algorithm.rawValue) is \(digests[index]), \(claim.manifest.fileName) line \(claim.entry.line) says \(claim.entry.checksum)")
                }
            }
        }
    }

    mutating func checkOxum(_ listing: BagTree.Listing) {
        guard let oxum = payloadOxum else { return }
        let parts = oxum.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let octets = Int64(parts[0]), let count = Int(parts[1]), octets >= 0, count >= 0 else {
            add("bag-info.txt", .malformedOxum, ExportError.visible(oxum))
            return
        }
        let actualOctets = listing.files.values.reduce(0, +)
        let actualCount = listing.files.count
        if actualOctets != octets || actualCount != count {
            add("bag-info.txt", .oxumMismatch, "says \(octets).\(count), payload is \(actualOctets).\(actualCount)")
        }
    }
}
