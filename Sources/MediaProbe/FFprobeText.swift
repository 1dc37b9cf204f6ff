internal import CFFmpeg
import FootageModel
import Foundation

/// ffprobe's ways of printing values, so that our JSON compares equal with its JSON.
enum FFprobeText {
    /// A timestamp in seconds as ffprobe's `print_time` writes it: `ts * av_q2d(tb)` with `%f`;
    /// `nil` for NOPTS, which ffprobe omits.
    static func time(_ timestamp: Int64, _ timeBase: AVRational) -> String? {
        guard timestamp != footage_nopts_value() else { return nil }
        return sixDecimals(Double(timestamp) * (Double(timeBase.num) / Double(timeBase.den)))
    }

    /// A duration: like `time`, but ffprobe also omits 0 (unknown).
    static func durationTime(_ duration: Int64, _ timeBase: AVRational) -> String? {
        duration == 0 ? nil : time(duration, timeBase)
    }

    /// `%f` as C prints it (six decimals, round half to even on the binary value).
    static func sixDecimals(_ value: Double) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            guard let base = buffer.baseAddress else { return String(value) }
            _ = withVaList([value]) { vsnprintf(base, 64, "%f", $0) }
            return String(cString: base)
        }
    }

    static func timestamp(_ value: Int64) -> Int64? {
        value == footage_nopts_value() ? nil : value
    }

    static func rational(_ value: AVRational) -> Rational {
        Rational(Int64(value.num), Int64(value.den))
    }

    /// `"num:den"`, ffprobe's form for aspect ratios.
    static func ratio(_ value: AVRational) -> String { "\(value.num):\(value.den)" }

    /// `"0x%04x"`.
    static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// Every entry of a metadata dictionary, or `nil` when it is empty (ffprobe prints no `tags`).
    static func tags(_ dictionary: OpaquePointer?) -> [String: String]? {
        guard let dictionary else { return nil }
        var result: [String: String] = [:]
        var entry: UnsafeMutablePointer<AVDictionaryEntry>? = av_dict_get(dictionary, "", nil, AV_DICT_IGNORE_SUFFIX)
        while let current = entry {
            if let key = current.pointee.key, let value = current.pointee.value {
                result[String(cString: key)] = String(cString: value)
            }
            entry = av_dict_get(dictionary, "", current, AV_DICT_IGNORE_SUFFIX)
        }
        return result.isEmpty ? nil : result
    }

    /// `av_channel_layout_describe`'s name for a layout (`"mono"`, `"5.1(side)"`), or `nil` when
    /// the order is unspecified, where ffprobe prints nothing.
    static func channelLayout(_ layout: AVChannelLayout) -> String? {
        guard layout.order != AV_CHANNEL_ORDER_UNSPEC else { return nil }
        var copy = layout
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buffer in
            guard let base = buffer.baseAddress else { return nil }
            base.initialize(repeating: 0, count: 128)
            return av_channel_layout_describe(&copy, base, 128) >= 0 ? String(cString: base) : nil
        }
    }
}
