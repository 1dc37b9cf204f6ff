/// One entry of a stream's `side_data_list`, as ffprobe prints it.
public struct ProbeSideData: Sendable, Hashable, Codable {
    /// libavcodec's name for the side data, e.g. `"Display Matrix"`.
    public var sideDataType: String
    /// The 3×3 display matrix in ffprobe's hex-dump layout (only for a display matrix).
    public var displaymatrix: String?
    /// Whole degrees from `av_display_rotation_get`, truncated to an integer as ffprobe 5.1 does
    /// (FFmpeg documents it as the counter-clockwise angle the matrix applies). A clip written
    /// with the legacy stream tag `rotate=90` prints 90 here; later FFmpeg versions flip the
    /// sign, so compare only with output of the same version.
    public var rotation: Int?

    // Coded picture buffer properties (MPEG-1/2 and others), numbers as ffprobe prints them.
    public var maxBitrate: Int64?
    public var minBitrate: Int64?
    public var avgBitrate: Int64?
    public var bufferSize: Int64?
    public var vbvDelay: Int64?

    // HDR mastering display: chromaticities and luminance as rationals `"num/den"`.
    public var redX: Rational?
    public var redY: Rational?
    public var greenX: Rational?
    public var greenY: Rational?
    public var blueX: Rational?
    public var blueY: Rational?
    public var whitePointX: Rational?
    public var whitePointY: Rational?
    public var minLuminance: Rational?
    public var maxLuminance: Rational?

    // HDR content light level (cd/m²).
    public var maxContent: Int?
    public var maxAverage: Int?

    // Stereoscopic 3D packing.
    public var type: String?
    public var inverted: Int?

    public init(sideDataType: String, displaymatrix: String? = nil, rotation: Int? = nil) {
        self.sideDataType = sideDataType
        self.displaymatrix = displaymatrix
        self.rotation = rotation
    }

    enum CodingKeys: String, CodingKey {
        case sideDataType = "side_data_type"
        case displaymatrix, rotation
        case maxBitrate = "max_bitrate"
        case minBitrate = "min_bitrate"
        case avgBitrate = "avg_bitrate"
        case bufferSize = "buffer_size"
        case vbvDelay = "vbv_delay"
        case redX = "red_x"
        case redY = "red_y"
        case greenX = "green_x"
        case greenY = "green_y"
        case blueX = "blue_x"
        case blueY = "blue_y"
        case whitePointX = "white_point_x"
        case whitePointY = "white_point_y"
        case minLuminance = "min_luminance"
        case maxLuminance = "max_luminance"
        case maxContent = "max_content"
        case maxAverage = "max_average"
        case type, inverted
    }
}
