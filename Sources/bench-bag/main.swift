// Writes a bag holding one file, for Scripts/bench-export to time against cp and the
// coreutils hashers. Usage: bench-bag SOURCE BAG-DIR
import Exports
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: bench-bag SOURCE BAG-DIR\n".utf8))
    exit(64)
}
let source = arguments[1]
let name = (source as NSString).lastPathComponent
do {
    let info = BagInfo(sourceOrganization: "Footage benchmark", externalDescription: "one file, for timing")
    try BagWriter(directory: arguments[2]).write([.file(source, as: name)], info: info)
} catch {
    FileHandle.standardError.write(Data("bench-bag: \(error.description)\n".utf8))
    exit(74)
}
