import RailDomain
import RailFormats
import Testing

@Suite("instance writer")
struct InstanceWriterTests {
    @Test(arguments: ["examples/basics/line.yaml", "examples/basics/meet.yaml", "examples/pingxiang/pingxiang-2026-12-01.yaml"])
    func roundTrip(_ file: String) throws {
        let instance = try InstanceLoader.load(path: Fixtures.path(file))
        let text = InstanceWriter.text(instance)
        let back = try InstanceLoader.load(bytes: Array(text.utf8), format: .json)
        #expect(back.name == instance.name)
        #expect(back.start == instance.start)
        #expect(back.horizonMinutes == instance.horizonMinutes)
        #expect(back.objective == instance.objective)
        #expect(back.stations == instance.stations)
        #expect(back.sections == instance.sections)
        #expect(back.borders == instance.borders)
        #expect(back.trains == instance.trains)
        #expect(InstanceWriter.text(back) == text)
    }
}
