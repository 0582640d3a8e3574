import ArgumentParser
import Foundation
import RailBatch

/// `railslot scenarios INSTANCE --vary ...`: what-if instances from a base day.
struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "Write what-if variants of an instance: slots removed or added, a lane closed, more or fewer trains, demand shifted.",
        discussion: """
            Each --vary writes one instance, BASE--VARIANT.json, in --out-dir. Changes (several in one variant \
            joined by ';'): remove-slot=BORDER/SLOT; add-slot=BORDER/SLOT@FROM,HH:MM-HH:MM[xCAP] (FROM a station \
            or 'any'; times on the plan's first day in its start offset); close-lane=TRACK@HH:MM-HH:MM (daily, \
            station time); scale-trains=FACTOR (copies are optional, an hour later per round); \
            shift-demand=MINUTES; shift-days=N. Every variant is checked like an input instance. \
            Exit status: 0 written; 2 invalid input or variant (nothing written).
            """
    )

    @Argument(help: "The base instance.")
    var instance: String

    @Option(name: .customLong("vary"), help: "One variant, e.g. remove-slot=PXG-DDG/S04 or \"scale-trains=1.3;close-lane=DDG-C1@10:00-14:00\".")
    var variants: [String] = []

    @Option(name: .customLong("out-dir"), help: "Where the variants go.")
    var outDir: String

    func validate() throws {
        if variants.isEmpty { throw ValidationError("give at least one --vary") }
    }

    func run() throws {
        let base = try CommandSupport.loadInstance(instance)
        var written: [(String, String)] = []
        do {
            for text in variants {
                let variant = try ScenarioVariant(parsing: text)
                let file = (outDir as NSString).appendingPathComponent("\(base.name)--\(variant.slug).json")
                written.append((file, try Scenarios.apply(variant, to: base)))
            }
        } catch {
            Console.error("\(error)")
            throw ExitStatus.invalidInput.code
        }
        do {
            try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
        } catch {
            Console.error("cannot create \(outDir): \(error.localizedDescription)")
            throw ExitStatus.invalidInput.code
        }
        for (file, text) in written {
            try CommandSupport.write(text, to: file)
            Console.out(file + "\n")
        }
    }
}
