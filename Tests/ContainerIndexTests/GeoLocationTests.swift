import FootageModel
import Foundation
import Testing

@Suite struct GeoLocationTests {
    @Test func readsDecimalDegrees() throws {
        let point = try #require(GeoLocation(iso6709: "+48.4647+035.0462/"))
        #expect(point.written == "+48.4647+035.0462/")
        #expect(point.latitude == 48.4647)
        #expect(point.longitude == 35.0462)
        #expect(point.altitude == nil)
        #expect(point.referenceSystem == nil)
    }

    @Test func readsAltitude() throws {
        let point = try #require(GeoLocation(iso6709: "+48.4647+035.0462+152.3/"))
        #expect(point.latitude == 48.4647)
        #expect(point.longitude == 35.0462)
        #expect(point.altitude == 152.3)
    }

    @Test func readsSouthernAndWesternSigns() throws {
        let sydney = try #require(GeoLocation(iso6709: "-33.8688+151.2093/"))
        #expect(sydney.latitude == -33.8688)
        #expect(sydney.longitude == 151.2093)
        let lima = try #require(GeoLocation(iso6709: "-12.0464-077.0428-0.5/"))
        #expect(lima.longitude == -77.0428)
        #expect(lima.altitude == -0.5)
    }

    @Test func readsDegreesAndMinutes() throws {
        let point = try #require(GeoLocation(iso6709: "+4828.08+03502.77/"))
        #expect(abs(point.latitude - (48 + 28.08 / 60)) < 1e-12)
        #expect(abs(point.longitude - (35 + 2.77 / 60)) < 1e-12)
    }

    @Test func readsDegreesMinutesAndSeconds() throws {
        let point = try #require(GeoLocation(iso6709: "+402646.5-0795855.2/"))
        #expect(abs(point.latitude - (40 + 26.0 / 60 + 46.5 / 3600)) < 1e-12)
        #expect(abs(point.longitude - -(79 + 58.0 / 60 + 55.2 / 3600)) < 1e-12)
    }

    @Test func readsReferenceSystemAndMissingSlash() throws {
        let point = try #require(GeoLocation(iso6709: "+50.40-004.10CRSWGS_84/"))
        #expect(point.referenceSystem == "WGS_84")
        #expect(point.longitude == -4.1)
        #expect(GeoLocation(iso6709: "+50.40-004.10")?.latitude == 50.4)
    }

    @Test(arguments: [
        "", "/", "48.4647+035.0462/", "+48.4647/", "+48.4647+35.0462/", "+91.0+000.0/",
        "+00.0+181.0/", "+4860.0+03502.77/", "+48.+035.0/", "+48.4647+035.0462+1+2/",
        "+4x.4647+035.0462/", "+48.4647+035.0462CRS/", "+48.4647+035.0462+/",
    ])
    func rejectsMalformedText(_ text: String) {
        #expect(GeoLocation(iso6709: text) == nil)
    }

    @Test func encodesSnakeCaseKeys() throws {
        let point = try #require(GeoLocation(iso6709: "+50.40-004.10+12CRSWGS_84/"))
        let json = try #require(String(data: try JSONEncoder().encode(point), encoding: .utf8))
        #expect(json.contains("\"reference_system\""))
        #expect(try JSONDecoder().decode(GeoLocation.self, from: Data(json.utf8)) == point)
    }
}
