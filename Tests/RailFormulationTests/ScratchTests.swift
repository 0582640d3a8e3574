import Foundation
@testable import RailFormulation
import RailDomain
import RailFormats
import Testing

@Test func scratchInsertion() throws {
    let instance = try InstanceLoader.load(path: "/work/main/examples/pingxiang/pingxiang-2026-12-01.yaml")
    var holding = Occupancy()
    for train in instance.trains { if let run = SingleTrainPlans.fixedRun(train) { holding.add(run, instance: instance) } }
    let order = instance.trains.indices.filter { !instance.trains[$0].isFixed }.sorted { (instance.trains[$0].earliestDeparture ?? 0) < (instance.trains[$1].earliestDeparture ?? 0) }
    var lines: [String] = []
    for index in order {
        let train = instance.trains[index]
        let solo = SingleTrainSearch.plan(train, instance: instance, holding: holding)
        lines.append("\(train.id): \(solo.map { "cost \($0.cost) dep \($0.run.stops[0].departure!) arr \($0.run.stops.last!.arrival!) " + $0.run.borderSlots.map { "\($0.slot)" }.joined() } ?? "FAILS")")
        if let solo { holding.add(solo.run, instance: instance) }
    }
    lines.append("\(holding.slots)")
    try lines.joined(separator: "\n").write(toFile: "/tmp/exp/insertion.txt", atomically: true, encoding: .utf8)
}
