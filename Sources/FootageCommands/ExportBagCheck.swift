import ArgumentParser
import Exports
import Foundation

/// `footage verify --bag DIR`: every finding of the bag verifier, one per line (or as JSON).
struct BagCheck {
    let path: String
    let json: Bool

    struct Report: Encodable {
        var bag: String
        var valid: Bool
        var findings: [BagFinding]
    }

    func run() throws {
        // Asked of the name itself: a bag that is a link is the verifier's finding, not missing input.
        guard (try? FileManager.default.attributesOfItem(atPath: path)) != nil else {
            Console.err("footage: no bag at \(path): no such file or folder")
            throw ExitStatus.noInput
        }
        let findings = BagVerifier().verify(bagAt: path)
        if json {
            try Console.printJSON(Report(bag: path, valid: findings.isEmpty, findings: findings))
        } else {
            for finding in findings { Console.out(finding.description) }
            Console.err(findings.isEmpty ? "bag \(path) is valid: complete, every checksum matches, every path is safe"
                                         : "bag \(path): \(findings.count) findings")
        }
        if !findings.isEmpty { throw ExitStatus.mismatch }
    }
}
