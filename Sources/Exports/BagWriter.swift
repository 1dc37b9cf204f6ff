/// Writes a BagIt 1.0 bag (RFC 8493) into a folder that does not exist yet or is empty.
///
/// Every file is created with `O_CREAT|O_EXCL|O_NOFOLLOW` through folders opened one level at a
/// time without following links, so nothing is written outside the folder even if links are
/// planted in it. Each payload file is hashed with SHA-256 and SHA-512 in the pass that copies
/// it, and every file and folder is fsynced before the bag is reported written.
public struct BagWriter: Sendable {
    public let directory: String

    /// The payload manifests this writer produces, and the tag manifests over the tag files.
    static let algorithms: [ChecksumAlgorithm] = [.sha256, .sha512]

    public init(directory: String) {
        self.directory = directory
    }

    @discardableResult
    public func write(_ payload: [BagPayloadItem], info: BagInfo) throws(ExportError) -> WrittenBag {
        let segments = try payload.map { (item) throws(ExportError) in try PayloadPathRules.segments(of: item.path) }
        try PayloadPathRules.checkClashes(payload.map(\.path))

        let root = try DirectoryHandle.openOrCreate(path: directory)
        guard try root.names().isEmpty else { throw .destinationNotEmpty(path: directory) }
        let data = try root.makeFolder("data", reuse: false)

        var folders = FolderMaker(data: data)
        let copier = HashingCopier()
        var written: [WrittenBag.PayloadFile] = []
        for (item, parts) in zip(payload, segments) {
            let folder = try folders.folder(for: parts.dropLast())
            guard let name = parts.last else { continue }
            let target = try folder.createFile(name)
            let result: (size: Int64, digests: [String])
            switch item.content {
            case .file(let source):
                let input = try OpenFile.openForReading(path: source)
                result = try copier.copy(from: input, to: target, algorithms: Self.algorithms)
            case .bytes(let bytes):
                let array = [UInt8](bytes)
                try target.writeAll(array)
                result = (Int64(array.count), HashingCopier.digests(of: array, algorithms: Self.algorithms))
            }
            try target.sync()
            written.append(WrittenBag.PayloadFile(path: "data/" + item.path, size: result.size,
                                                  sha256: result.digests[0], sha512: result.digests[1]))
        }
        try folders.syncAll()
        try data.sync()

        let octets = written.reduce(Int64(0)) { $0 + $1.size }
        let oxum = "\(octets).\(written.count)"
        var tagFiles: [(name: String, bytes: [UInt8])] = [
            ("bagit.txt", Array("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".utf8)),
            ("bag-info.txt", Array(try info.render(octets: octets, count: written.count).utf8)),
        ]
        for (index, algorithm) in Self.algorithms.enumerated() {
            let lines = written.map { "\(index == 0 ? $0.sha256 : $0.sha512)  \(ManifestPathCoding.encode($0.path))\n" }
            tagFiles.append(("manifest-\(algorithm.rawValue).txt", Array(lines.joined().utf8)))
        }
        var tagManifests: [(name: String, bytes: [UInt8])] = []
        for (index, algorithm) in Self.algorithms.enumerated() {
            let lines = tagFiles.map { file in
                "\(HashingCopier.digests(of: file.bytes, algorithms: [Self.algorithms[index]])[0])  \(file.name)\n"
            }
            tagManifests.append(("tagmanifest-\(algorithm.rawValue).txt", Array(lines.joined().utf8)))
        }
        for file in tagFiles + tagManifests {
            let output = try root.createFile(file.name)
            try output.writeAll(file.bytes)
            try output.sync()
        }
        try root.sync()
        return WrittenBag(directory: directory, payload: written, payloadOxum: oxum)
    }
}

/// Creates the folders under `data/` as payload paths need them, each once, and remembers them
/// so they can be fsynced after their files.
private struct FolderMaker {
    let data: DirectoryHandle
    var made: [String: DirectoryHandle] = [:]
    var order: [String] = []

    init(data: DirectoryHandle) { self.data = data }

    mutating func folder(for parts: ArraySlice<String>) throws(ExportError) -> DirectoryHandle {
        var current = data
        var key = ""
        for part in parts {
            key += "/" + part
            if let known = made[key] {
                current = known
                continue
            }
            // Created fresh: an existing name here would be something planted, so it is refused.
            current = try current.makeFolder(part, reuse: false)
            made[key] = current
            order.append(key)
        }
        return current
    }

    /// Deepest folders first, so each folder's entry is durable before its parent's.
    func syncAll() throws(ExportError) {
        for key in order.reversed() {
            try made[key]?.sync()
        }
    }
}
