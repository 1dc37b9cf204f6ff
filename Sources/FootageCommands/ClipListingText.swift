import Catalogue

/// The text listing of `footage clips`. A large catalogue is read in two halves at once: this
/// thread turns the first half's rows into lines and writes them as it goes, while a second
/// thread makes the second half's lines in memory, written once the first half is out. Each row
/// goes from SQLite's buffer straight into the output bytes: no per-row value, `String` or copy.
enum ClipListingText {
    /// Lists every clip on stdout, one line each; returns the write failure, if any.
    static func write(_ catalogue: Catalogue) throws(CatalogueError) -> OutputFailure? {
        var output = OutputBuffer()
        var failure: OutputFailure?
        let laterLines = try catalogue.forEachClipListing(earlier: { clip in
            appendLine(clip, to: &output)
            do throws(OutputFailure) { try output.flushIfFull() } catch {
                failure = error
                return false
            }
            return true
        }, later: { rows in
            var held = OutputBuffer(holding: rows.estimatedCount * 80)
            rows.forEach { clip in
                appendLine(clip, to: &held)
                return true
            }
            return held.takeBytes()
        })
        if let failure { return failure }
        do throws(OutputFailure) {
            try output.flush()
            if let laterLines { try OutputBuffer.write(laterLines) }
        } catch {
            return error
        }
        return nil
    }

    /// One clip's line: short hash, duration (or why the probe failed), size, source, name.
    private static func appendLine(_ clip: ClipListingEntry, to output: inout OutputBuffer) {
        output.append(raw: UnsafeRawBufferPointer(rebasing: clip.digestHex.prefix(12)))
        output.append("  ")
        if let micros = clip.durationMicroseconds {
            output.append(secondsFromMicroseconds: micros)
        } else if let failure = clip.probeFailure {
            output.append("(")
            output.append(escaped: failure)
            output.append(")")
        } else {
            output.append("-")
        }
        output.append("  ")
        output.append(decimal: clip.size)
        output.append("  ")
        output.append(escaped: clip.source)
        output.append("  ")
        output.append(escaped: clip.originalName)
        output.append("\n")
    }
}
