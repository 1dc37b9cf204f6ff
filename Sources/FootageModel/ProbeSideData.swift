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

    public init(sideDataType: String, displaymatrix: String? = nil, rotation: Int? = nil) {
        self.sideDataType = sideDataType
        self.displaymatrix = displaymatrix
        self.rotation = rotation
    }

    enum CodingKeys: String, CodingKey {
        case sideDataType = "side_data_type"
        case displaymatrix, rotation
    }
}
