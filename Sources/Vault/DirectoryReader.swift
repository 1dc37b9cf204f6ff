import Glibc

/// Lists a folder's entries as raw byte names (no decoding, so no name is ever altered).
enum DirectoryReader {
    static func names(in folder: [UInt8]) throws(VaultError) -> [[UInt8]] {
        let shown = SystemCall.display(folder)
        let stream = try SystemCall.withPath(folder) { (cPath) throws(VaultError) -> OpaquePointer in
            guard let handle = opendir(cPath) else {
                throw VaultError.system(call: "opendir", path: shown, code: errno)
            }
            return handle
        }
        defer { closedir(stream) }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw VaultError.system(call: "readdir", path: shown, code: errno) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            names.append(name)
        }
        return names
    }
}
