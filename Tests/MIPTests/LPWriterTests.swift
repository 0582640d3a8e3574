import Foundation
import MIP
import Testing

@Suite("LP writer")
struct LPWriterTests {
    @Test func writesEveryRowAndBoundKind() throws {
        var model = Model(name: "golden")
        let x = model.addVariable("x", upperBound: 10)
        let y = model.addInteger("y", lowerBound: -.infinity, upperBound: .infinity)
        let z = model.addBinary("z")
        let f = model.addVariable("f", lowerBound: -.infinity)
        let k = model.addVariable("k", lowerBound: 3, upperBound: 3)
        let u = model.addVariable("u", lowerBound: -.infinity, upperBound: 4)
        let v = model.addVariable("v", lowerBound: 0.5)
        model.addConstraint(x - y, .ranged(lower: -2, upper: 5), name: "rng")
        model.addConstraint(LinearExpression(), .greaterOrEqual(-1), name: "empty")
        model.add(2 * y == 4, name: "eq")
        model.add(0.1 * z + f + k + u + v <= 1e-7)
        model.minimize(x + 2 * y + 7.5)
        let text = try LPWriter.lpText(for: model)
        let expected = """
        \\ Problem: golden
        Minimize
         obj: + x + 2 y + 7.5 ~obj_constant
        Subject To
         rng: + x - y - ~r_1 = -2
         empty: + 0 x >= -1
         eq: + 2 y = 4
         r4: + 0.1 z + f + k + u + v <= 1e-07
        Bounds
         0 <= x <= 10
         y free
         0 <= z <= 1
         f free
         k = 3
         -inf <= u <= 4
         v >= 0.5
         0 <= ~r_1 <= 7
         ~obj_constant = 1
        General
         y
         z
        End

        """
        #expect(text == expected)
    }

    @Test func sameModelSameBytes() throws {
        func build() -> Model {
            var model = Model(name: "m")
            let vars = (0..<50).map { model.addVariable("v\($0)", upperBound: Double($0)) }
            for i in 0..<20 { model.add(.sum(vars.shuffled().map { ($0, Double($0.index % 7)) }) <= .constant(Double(i))) }
            model.maximize(.sum(vars))
            return model
        }
        // Terms are ordered by variable, whatever order they were added in.
        #expect(try LPWriter.lpText(for: build()) == LPWriter.lpText(for: build()))
    }

    @Test func longRowsWrap() throws {
        var model = Model()
        let vars = (0..<200).map { model.addVariable("variable_with_a_long_name_\($0)") }
        model.add(.sum(vars) <= 1, name: "long")
        let text = try LPWriter.lpText(for: model)
        #expect(text.split(separator: "\n").allSatisfy { $0.utf8.count <= 255 })
    }

    @Test func invalidModelIsNotWritten() {
        var model = Model()
        model.addVariable("bad name")
        #expect(throws: MIPError.self) { try LPWriter.lpText(for: model) }
    }

    @Test func writeIsAtomicAndKeepsTheOldFileOnFailure() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lpwriter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("model.lp").path
        var good = Model()
        let x = good.addVariable("x")
        good.minimize(LinearExpression(x))
        try LPWriter.write(good, to: path)
        let before = try String(contentsOfFile: path, encoding: .utf8)
        var bad = Model()
        bad.addVariable("bad name")
        #expect(throws: MIPError.self) { try LPWriter.write(bad, to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
        #expect(throws: MIPError.self) { try LPWriter.write(good, to: directory.appendingPathComponent("missing/dir/model.lp").path) }
    }
}
