#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read access to the files of a bag, one path component at a time and never through a link,
/// so a hostile bag cannot make the verifier read outside it.
struct BagTree {
    let root: DirectoryHandle

    /// What is under a folder of the bag: regular files by their raw path bytes (relative to the
    /// bag folder) with sizes, and every other entry as a finding.
    struct Listing {
        var files: [[UInt8]: Int64] = [:]
        var findings: [BagFinding] = []
    }

    /// Deeper than this is refused rather than followed, so a crafted tree cannot exhaust the stack.
    static let maximumDepth = 128

    func list(folder name: String) throws(ExportError) -> Listing {
        var listing = Listing()
        let folder = try root.openFolder(name)
        try walk(folder, prefix: Array(name.utf8), depth: 0, into: &listing)
        return listing
    }

    private func walk(_ folder: DirectoryHandle, prefix: [UInt8], depth: Int, into listing: inout Listing) throws(ExportError) {
        for name in try folder.names().sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            let path = prefix + [UInt8(ascii: "/")] + name
            let shown = String(decoding: path, as: UTF8.self)
            switch try folder.kind(ofRaw: name) {
            case .file(let size):
                listing.files[path] = size
            case .folder:
                guard depth < Self.maximumDepth, let text = String(validating: name, as: UTF8.self) else {
                    listing.findings.append(BagFinding(file: shown, problem: .unreadableFile,
                                                       detail: "folder too deep or its name is not UTF-8"))
                    continue
                }
                try walk(folder.openFolder(text), prefix: path, depth: depth + 1, into: &listing)
            case .symbolicLink:
                listing.findings.append(BagFinding(file: shown, problem: .symbolicLink))
            case .other:
                listing.findings.append(BagFinding(file: shown, problem: .notRegularFile))
            case nil:
                // Removed while listing: the manifest check reports it if it was listed.
                continue
            }
        }
    }

    /// Opens a file by a path the inspector accepted, refusing links at every level.
    func openFile(_ path: String) throws(ExportError) -> OpenFile {
        let segments = path.split(separator: "/").map(String.init)
        var folder = root
        for segment in segments.dropLast() {
            folder = try folder.openFolder(segment)
        }
        guard let last = segments.last else { throw .unsafePayloadPath(path: path, reason: "empty path") }
        return try folder.openFile(last)
    }

    /// Reads a small tag file whole; `nil` when it does not exist. Links are refused.
    func readTagFile(_ name: String, limit: Int = 16 << 20) throws(ExportError) -> [UInt8]? {
        guard let kind = try root.kind(of: name) else { return nil }
        guard case .file(let size) = kind else {
            throw .system(function: "openat", path: root.childPath(name), code: kind == .symbolicLink ? ELOOP : EINVAL)
        }
        guard size <= limit else {
            throw .unrepresentable(what: root.childPath(name), reason: "tag file larger than \(limit) bytes")
        }
        let file = try root.openFile(name)
        var bytes: [UInt8] = []
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65536, alignment: 16)
        defer { buffer.deallocate() }
        while bytes.count <= limit {
            let count = try file.readChunk(into: buffer)
            if count == 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }
}
