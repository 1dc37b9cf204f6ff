import Glibc

/// Where a catalogue lives: the `.footage/` folder holding `catalogue.sqlite` and `vault/`.
public struct CatalogueLocation: Sendable, Hashable {
    /// The `.footage` folder.
    public let folder: String

    public init(folder: String) { self.folder = folder }

    public var databasePath: String { folder + "/catalogue.sqlite" }
    public var vaultPath: String { folder + "/vault" }

    /// The location inside `directory` (which need not exist yet).
    public static func inside(_ directory: String) -> CatalogueLocation {
        CatalogueLocation(folder: absolute(directory) + "/.footage")
    }

    /// Finds the catalogue the way git finds a repository: the named one (`--catalogue`, which
    /// may be the `.footage` folder or the folder holding it), else `FOOTAGE_CATALOGUE`, else the
    /// nearest `.footage/` from `currentDirectory` upward.
    public static func find(named: String?, environment: [String: String],
                            currentDirectory: String) throws(CatalogueError) -> CatalogueLocation {
        if let named = named ?? environment["FOOTAGE_CATALOGUE"].flatMap({ $0.isEmpty ? nil : $0 }) {
            let path = absolute(named, from: currentDirectory)
            for candidate in [CatalogueLocation(folder: path), CatalogueLocation(folder: path + "/.footage")]
            where isFile(candidate.databasePath) {
                return candidate
            }
            throw .missing(path: path)
        }
        var directory = absolute(currentDirectory)
        while true {
            let candidate = CatalogueLocation(folder: (directory == "/" ? "" : directory) + "/.footage")
            if isFile(candidate.databasePath) { return candidate }
            guard directory != "/", let slash = directory.lastIndex(of: "/") else { break }
            directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
        }
        throw .notFound(start: currentDirectory)
    }

    static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// `path` made absolute against `base` (or the process's working directory), without `/.` noise.
    static func absolute(_ path: String, from base: String? = nil) -> String {
        var joined = path
        if !path.hasPrefix("/") {
            let start = base ?? currentWorkingDirectory()
            joined = start + "/" + path
        }
        var parts: [Substring] = []
        for part in joined.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    static func currentWorkingDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
